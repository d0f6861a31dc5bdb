/**
 * Importing an article from a URL: a local web server (started here, on 127.0.0.1, which the
 * e2e app allows through IMPORT_ALLOWED_HOSTS) serves the reference article as a news page.
 * The editor fetches it, checks the preview, saves, and lands in the workspace; importing the
 * same address again offers the existing article or a new revision — never a second copy.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, pageAs, readDb } from "./helpers";

const REFERENCE_HTML = readFileSync("lib/import/__fixtures__/putin-kim-nordkorea.de.html", "utf8");
const ENGLISH_HTML = readFileSync("lib/import/__fixtures__/cycle-lanes.en.html", "utf8");
const TITLE = "Putin und Kim Jong-un verstärken Beziehungen: USA und Südkorea alarmiert";

let server: http.Server;
let base: string;

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/politik/putin-kim") return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(REFERENCE_HTML);
    if (path === "/report.pdf") return res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.7");
    if (path === "/metadata") return res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    res.writeHead(404, { "content-type": "text/html" }).end("<p>Nicht gefunden</p>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function fetchUrl(page: Page, url: string) {
  await page.goto("/articles/new");
  await page.getByRole("tab", { name: "Von einer URL" }).click();
  await page.getByLabel("Adresse des Artikels").fill(url);
  await page.getByRole("button", { name: "Artikel abrufen" }).click();
}

function revisionsOf(slug: string) {
  return readDb((db) => ({
    version: (db.prepare("SELECT version FROM Article WHERE slug = ?").get(slug) as { version: number }).version,
    revisions: (db.prepare("SELECT r.version FROM ArticleRevision r JOIN Article a ON a.id = r.articleId WHERE a.slug = ? ORDER BY r.version").all(slug) as { version: number }[]).map((r) => r.version),
  }));
}

test("an editor imports an article from a URL, checks the preview and saves it; the same URL again offers a new revision", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await pageAs(browser, ACCOUNTS.editor);
  const url = `${base}/politik/putin-kim`;
  await fetchUrl(page, url);

  const preview = page.getByTestId("import-preview");
  await expect(preview).toBeVisible();
  await expect(page.getByLabel("Titel")).toHaveValue(TITLE);
  await expect(page.getByLabel("Original-URL")).toHaveValue(url);
  await expect(page.getByLabel("Medium")).toHaveValue("Nachrichtenportal (Demo)");
  await expect(page.getByLabel("Erscheinungsdatum")).toHaveValue("2024-06-14");
  await expect(preview.getByLabel("Sprache")).toHaveValue("de");
  await expect(page.getByLabel("Autor")).toHaveValue("sischr");
  const text = await page.getByLabel("Artikeltext").inputValue();
  expect(text).toContain("mehr als 10.000 Schiffscontainer");
  expect(text).not.toContain("KommentareDrucken");
  expect(text).not.toContain("Auch interessant");
  await expect(preview).toContainText("3 Zwischentitel, 1 Bildunterschriften");
  await page.screenshot({ path: "e2e/.artifacts/screenshots/import-preview.png", fullPage: true });

  // The reviewer fixes the title before saving.
  await page.getByLabel("Titel").fill(`${TITLE} (Import)`);
  await page.getByRole("button", { name: "Artikel hinzufügen" }).click();
  await expect(page).toHaveURL(/\/review\/putin-und-kim-jong-un-[\w-]+$/);
  const slug = new URL(page.url()).pathname.split("/").pop()!;
  const article = page.getByTestId("workspace-article");
  await expect(article).toContainText("mehr als 10.000 Schiffscontainer");
  await expect(article.locator("[data-block='caption']")).toContainText("© IMAGO/The Kremlin Moscow");
  await expect(article.locator("h1")).toContainText("(Import)");
  expect(revisionsOf(slug)).toEqual({ version: 1, revisions: [] });

  // Same address again: the dialog comes up with the fetched preview; a changed word becomes revision 2.
  await fetchUrl(page, url);
  const dialog = page.getByRole("dialog", { name: "Bereits importiert" });
  await expect(dialog).toContainText(`„${TITLE} (Import)“ (Fassung 1`);
  await expect(dialog.getByRole("link", { name: "Vorhandenen Artikel öffnen" })).toHaveAttribute("href", `/review/${slug}`);
  await page.screenshot({ path: "e2e/.artifacts/screenshots/import-duplicate.png" });
  await dialog.getByRole("button", { name: "Zurück" }).click();
  await expect(dialog).toBeHidden();
  const field = page.getByLabel("Artikeltext");
  await field.fill((await field.inputValue()).replace("4,8 Millionen", "fünf Millionen"));
  await page.getByRole("button", { name: "Artikel hinzufügen" }).click();
  await dialog.getByRole("button", { name: "Als neue Fassung speichern" }).click();
  await expect(page).toHaveURL(new RegExp(`/review/${slug}$`));
  await expect(page.getByTestId("workspace-article")).toContainText("an die fünf Millionen Artilleriegeschosse");
  expect(revisionsOf(slug)).toEqual({ version: 2, revisions: [1, 2] });
  // Never a second copy: one article from this address, now titled as fetched.
  expect(readDb((db) => db.prepare("SELECT slug, title FROM Article WHERE sourceUrl = ?").all(url))).toEqual([{ slug, title: TITLE }]);
  await page.context().close();
});

test("a reviewer is told to ask an editor instead of storing a revision", async ({ browser }) => {
  const page = await pageAs(browser, ACCOUNTS.reviewer);
  await fetchUrl(page, `${base}/politik/putin-kim`);
  const dialog = page.getByRole("dialog", { name: "Bereits importiert" });
  await expect(dialog.getByTestId("ask-editor")).toContainText("wenden Sie sich an die Redaktion");
  await expect(dialog.getByRole("button", { name: "Als neue Fassung speichern" })).toHaveCount(0);
  await page.context().close();
});

test("refused imports are explained and store nothing", async ({ browser }) => {
  const page = await pageAs(browser, ACCOUNTS.reviewer);
  const articles = () => readDb((db) => (db.prepare("SELECT COUNT(*) AS n FROM Article").get() as { n: number }).n);
  const before = articles();
  const status = page.getByTestId("import-status");

  await fetchUrl(page, `${base}/report.pdf`);
  await expect(status).toHaveText("Diese Adresse führt nicht zu einer Webseite (HTML), sondern zum Beispiel zu einem PDF oder einem Bild.");
  await page.getByLabel("Adresse des Artikels").fill(`${base}/metadata`);
  await page.getByRole("button", { name: "Artikel abrufen" }).click();
  await expect(status).toHaveText("Diese Adresse führt in ein privates oder internes Netz; sie wird nicht abgerufen.");
  await page.screenshot({ path: "e2e/.artifacts/screenshots/import-refused.png" });

  // An uploaded page in another language: imported as "other", without claim suggestions.
  await page.getByRole("tab", { name: "HTML-Seite" }).click();
  await page.getByLabel("HTML-Datei").setInputFiles({ name: "leer.html", mimeType: "text/html", buffer: Buffer.from("   ") });
  await page.getByRole("button", { name: "Artikel herauslesen" }).click();
  await expect(status).toHaveText("Die Datei ist leer.");
  const french = ENGLISH_HTML.replace("<html>", '<html lang="fr">');
  await page.getByLabel("HTML-Datei").setInputFiles({ name: "velo.html", mimeType: "text/html", buffer: Buffer.from(french) });
  await page.getByRole("button", { name: "Artikel herauslesen" }).click();
  await expect(page.getByTestId("import-preview").getByLabel("Sprache")).toHaveValue("other");
  await expect(page.getByTestId("no-suggestions")).toBeVisible();
  expect(articles()).toBe(before);
  await page.context().close();
});
