/**
 * Claim suggestions after an import: the reference article is imported from a local URL; the
 * workspace shows the detector's check-worthy statements (including „4,8 Millionen
 * Artilleriegeschosse“); one becomes a draft claim in one click (quote and claimant
 * prefilled, figures stored), another is dismissed, and both survive a reload.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, pageAs, readDb } from "./helpers";

const REFERENCE_HTML = readFileSync("lib/import/__fixtures__/putin-kim-nordkorea.de.html", "utf8");
let server: http.Server;
let url: string;

test.beforeAll(async () => {
  server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(REFERENCE_HTML));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/politik/putin-kim-vorschlaege`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("import from a URL, accept one suggestion into a draft claim, dismiss another, reload and see the same state", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await pageAs(browser, ACCOUNTS.editor);
  await page.goto("/articles/new");
  await page.getByRole("tab", { name: "Von einer URL" }).click();
  await page.getByLabel("Adresse des Artikels").fill(url);
  await page.getByRole("button", { name: "Artikel abrufen" }).click();
  await expect(page.getByTestId("import-preview")).toBeVisible();
  await page.getByLabel("Titel").fill("Putin und Kim: Vorschläge");
  await page.getByRole("button", { name: "Artikel hinzufügen" }).click();
  await expect(page).toHaveURL(/\/review\/putin-und-kim-vorschlaege/);

  const list = page.getByTestId("suggestions");
  const shells = list.locator("li", { hasText: "4,8 Millionen Artilleriegeschosse" });
  await expect(shells).toBeVisible();
  await expect(shells).toContainText("Zahl");
  await expect(page.getByTestId("workspace-article").locator("[data-suggestion-id]").first()).toBeVisible();
  await page.screenshot({ path: "e2e/.artifacts/screenshots/workspace-suggestions.png" });

  // Accept the figure suggestion: a draft claim with the quote; its figures are stored with it.
  await shells.getByRole("button", { name: "Aussage anlegen" }).click();
  const form = page.getByTestId("claim-form");
  await expect(form.locator("blockquote")).toContainText("4,8 Millionen Artilleriegeschosse");
  await form.locator("label", { hasText: "Unbelegt" }).click();
  await form.getByLabel("Urheber/in").fill("Shin Won-sik");
  await form.getByLabel("Begründung").fill("Die Zahl ist eine Hochrechnung.");
  const source = form.getByTestId("source-0");
  await source.getByLabel("Link").fill("https://example.org/mnd");
  await source.getByLabel("Titel").fill("Briefing");
  await source.getByLabel("Herausgeber").fill("Verteidigungsministerium");
  await form.getByRole("button", { name: "Aussage speichern" }).click();
  await expect(page.getByTestId("notice")).toHaveText("Aussage gespeichert.");
  const claim = page.getByTestId("claim-list").locator(":scope > li", { hasText: "4,8 Millionen Artilleriegeschosse" });
  await expect(claim.getByTestId("claim-status")).toHaveText("Entwurf");
  await expect(list.locator("li", { hasText: "4,8 Millionen Artilleriegeschosse" })).toHaveCount(0);

  // Dismiss the Bloomberg attribution; the claimant would have been prefilled.
  const bloomberg = list.locator("li", { hasText: "berichtete Bloomberg" });
  await expect(bloomberg).toContainText("Zuschreibung");
  await bloomberg.getByRole("button", { name: "Verwerfen" }).click();
  await expect(page.getByTestId("notice")).toHaveText("Vorschlag verworfen.");
  await expect(list.locator("li", { hasText: "berichtete Bloomberg" })).toHaveCount(0);

  await page.reload();
  await expect(list.locator("li").first()).toBeVisible();
  await expect(list.locator("li", { hasText: "berichtete Bloomberg" })).toHaveCount(0);
  await expect(list.locator("li", { hasText: "4,8 Millionen Artilleriegeschosse" })).toHaveCount(0);
  await expect(claim).toHaveCount(1);
  await expect(list.locator("li", { hasText: "mehr als 10.000 Schiffscontainer" })).toHaveCount(1);

  const figures = readDb((db) => (db.prepare("SELECT figures FROM Claim WHERE exact LIKE '%4,8 Millionen Artilleriegeschosse%' ORDER BY createdAt DESC").get() as { figures: string }).figures);
  expect(JSON.parse(figures)).toContainEqual(expect.objectContaining({ value: 4.8, normalized: 4_800_000, unit: "Artilleriegeschosse" }));
  await page.context().close();
});
