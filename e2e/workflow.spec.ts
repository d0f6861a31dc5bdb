/**
 * The review workflow with several people at once: four eyes, an editor's correction that
 * readers see with a dated note, and two reviewers editing the same claim at the same time.
 */
import { expect, test } from "@playwright/test";
import { ACCOUNTS, ARTICLE_SLUG, pageAs, selectWithMouse, takeStep } from "./helpers";

const QUOTE = "Kreml-Sprecher Dmitri Peskow";
const CLAIM = "Peskow ist Sprecher des Kremls.";

test("four eyes, publishing, a correction readers see, and a conflict that loses nothing", async ({ browser }) => {
  test.setTimeout(180_000);
  const a = await pageAs(browser, ACCOUNTS.reviewer);
  await a.goto(`/review/${ARTICLE_SLUG}`);
  await selectWithMouse(a, '[data-testid="workspace-article"]', QUOTE);
  await a.getByTestId("add-claim").click();
  const form = a.getByTestId("claim-form");
  await form.getByLabel("Geprüfte Aussage").fill(CLAIM);
  await form.getByLabel("Urheber/in").fill("Redaktion");
  await form.locator("label", { hasText: "Richtig" }).first().click();
  await form.getByLabel("Begründung").fill("Peskow ist seit 2012 Pressesprecher des Präsidenten.");
  const source = form.getByTestId("source-0");
  await source.getByLabel("Link").fill("https://example.org/kremlin-staff");
  await source.getByLabel("Titel").fill("Mitarbeiter des Präsidialamts");
  await source.getByLabel("Herausgeber").fill("Kreml");
  await form.getByRole("button", { name: "Aussage speichern" }).click();
  await expect(a.getByTestId("notice")).toHaveText("Aussage gespeichert.");
  await takeStep(a, CLAIM, "Zur Prüfung einreichen");

  // A cannot approve their own claim: no button, and the server refuses the step too.
  const itemA = a.getByTestId("claim-list").locator(":scope > li", { hasText: CLAIM });
  await expect(itemA.getByRole("button", { name: "Freigeben" })).toHaveCount(0);
  const claimId = (await itemA.getAttribute("data-item"))!;
  const own = await a.request.post(`/api/v1/claims/${claimId}/transitions`, { data: { action: "approve" }, headers: { "If-Match": '"v2"' } });
  expect(own.status()).toBe(403);

  const b = await pageAs(browser, ACCOUNTS.reviewer2);
  await takeStep(b, CLAIM, "Freigeben");
  const editor = await pageAs(browser, ACCOUNTS.editor);
  await takeStep(editor, CLAIM, "Veröffentlichen");

  const reader = await (await browser.newContext({ locale: "de-DE" })).newPage();
  await reader.goto(`/articles/${ARTICLE_SLUG}`);
  await reader.getByTestId("article-body").locator(`mark[data-claim-id="${claimId}"]`).first().click();
  await expect(reader.getByTestId("claim-card")).toContainText("Richtig");

  // The editor corrects the verdict: it goes back through review, readers keep the old one meanwhile.
  await editor.goto(`/review/${ARTICLE_SLUG}`);
  const itemE = editor.getByTestId("claim-list").locator(":scope > li", { hasText: CLAIM });
  await itemE.getByRole("button").first().click();
  await itemE.getByRole("button", { name: "Bearbeiten" }).click();
  await editor.getByTestId("claim-form").locator("label", { hasText: "Irreführend" }).click();
  await editor.getByTestId("claim-form").getByRole("button", { name: "Aussage speichern" }).click();
  await expect(itemE.getByTestId("claim-status")).toHaveText("In Prüfung");
  await reader.reload();
  await expect(reader.getByTestId("article-body").locator(`mark[data-claim-id="${claimId}"]`).first()).toHaveAttribute("data-verdict", "TRUE");

  await takeStep(b, CLAIM, "Freigeben");
  await takeStep(editor, CLAIM, "Korrektur veröffentlichen", "Das Urteil wurde nach Hinweisen von Lesern korrigiert.");
  await reader.reload();
  const mark = reader.getByTestId("article-body").locator(`mark[data-claim-id="${claimId}"]`).first();
  await expect(mark).toHaveAttribute("data-verdict", "MISLEADING");
  await mark.click();
  await expect(reader.getByTestId("corrections")).toContainText("Das Urteil wurde nach Hinweisen von Lesern korrigiert.");
  await reader.screenshot({ path: "e2e/.artifacts/screenshots/reader-correction.png" });

  // A assigns the claim to B; both open it at once; A saves first; B's save is refused with A's change shown and B's input kept.
  await a.goto(`/review/${ARTICLE_SLUG}`);
  const itemOfA = a.getByTestId("claim-list").locator(":scope > li", { hasText: CLAIM });
  await itemOfA.getByRole("button").first().click();
  await itemOfA.getByLabel("Zugewiesen an").selectOption({ label: "Ben Brandt" });
  await expect(a.getByTestId("notice")).toContainText("Zuweisung");
  await b.goto(`/review/${ARTICLE_SLUG}`);
  for (const page of [a, b]) {
    const item = page.getByTestId("claim-list").locator(":scope > li", { hasText: CLAIM });
    await item.getByRole("button").first().click();
    await item.getByRole("button", { name: "Bearbeiten" }).click();
  }
  await a.getByTestId("claim-form").getByLabel("Begründung").fill("Fassung von Rita.");
  await a.getByTestId("claim-form").getByRole("button", { name: "Aussage speichern" }).click();
  await expect(a.getByTestId("notice")).toHaveText("Aussage gespeichert.");

  const formB = b.getByTestId("claim-form");
  await formB.getByLabel("Begründung").fill("Fassung von Ben.");
  await formB.getByRole("button", { name: "Aussage speichern" }).click();
  const conflict = formB.getByTestId("conflict");
  await expect(conflict).toContainText("Rita Reuter hat diese Aussage");
  await expect(conflict).toContainText("Fassung von Rita.");
  await expect(formB.getByLabel("Begründung")).toHaveValue("Fassung von Ben.");
  await b.screenshot({ path: "e2e/.artifacts/screenshots/workspace-conflict.png" });
  await conflict.getByRole("button", { name: "Meine Fassung trotzdem speichern" }).click();
  await expect(b.getByTestId("notice")).toHaveText("Aussage gespeichert.");

  // The history shows every step with who did it, and both saves.
  const itemB = b.getByTestId("claim-list").locator(":scope > li", { hasText: CLAIM });
  await itemB.getByRole("button").first().click();
  const history = itemB.getByTestId("history");
  await expect(history).toContainText("Veröffentlicht · Eda Berger");
  await expect(history).toContainText("Freigegeben · Ben Brandt");
  await expect(history).toContainText("Bearbeitet · Rita Reuter");
  await expect(history).toContainText("Bearbeitet · Ben Brandt");
  await expect(history).toContainText("„Das Urteil wurde nach Hinweisen von Lesern korrigiert.“");

  for (const page of [a, b, editor, reader]) await page.context().close();
});
