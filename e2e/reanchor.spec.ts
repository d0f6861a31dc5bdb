/**
 * An editor corrects the reference article: a sentence before a claimed passage, and a number
 * inside another claimed passage. The first highlight moves with its words; the second claim is
 * flagged for re-review and leaves the reader view until a reviewer confirms it.
 */
import { expect, test } from "@playwright/test";
import { ACCOUNTS, ARTICLE_SLUG, pageAs } from "./helpers";

test("a correction moves one claim with its words and flags the one whose number changed", async ({ browser }) => {
  test.setTimeout(120_000);
  const reader = await (await browser.newContext({ locale: "de-DE" })).newPage();
  await reader.goto(`/articles/${ARTICLE_SLUG}`);
  const body = reader.getByTestId("article-body");
  const containers = body.locator("mark", { hasText: "mehr als 10.000 Schiffscontainer" });
  const visit = body.locator("mark", { hasText: "das erste Mal seit dem Jahr 2000" });
  await expect(containers).toBeVisible();
  await expect(visit).toBeVisible();
  const containersId = await containers.getAttribute("data-claim-id");
  const startBefore = Number(await containers.getAttribute("data-start"));

  const editor = await pageAs(browser, ACCOUNTS.editor);
  await editor.goto(`/review/${ARTICLE_SLUG}`);
  await editor.getByTestId("edit-text").click();
  const text = editor.getByLabel("Artikeltext");
  const original = await text.inputValue();
  const corrected = original
    .replace("Moskau/Pjöngjang – Da Russland international", "Moskau/Pjöngjang – Weil Russland auf internationaler Ebene")
    .replace("das erste Mal seit dem Jahr 2000", "das erste Mal seit dem Jahr 2001");
  expect(corrected).not.toBe(original);
  await text.fill(corrected);
  await editor.getByLabel("Was wurde korrigiert").fill("Jahreszahl korrigiert");
  await editor.getByRole("button", { name: "Korrektur speichern" }).click();
  const outcome = editor.getByTestId("reanchor-outcome");
  await expect(outcome).toContainText("1 mit geänderten Worten");
  await expect(outcome).toContainText("0 ohne Textstelle");

  // The reader sees the moved claim on the same words, and no longer the changed one.
  await reader.reload();
  const moved = body.locator(`mark[data-claim-id="${containersId}"]`);
  await expect(moved).toHaveText("mehr als 10.000 Schiffscontainer");
  expect(Number(await moved.getAttribute("data-start"))).toBe(startBefore + "Weil Russland auf internationaler Ebene".length - "Da Russland international".length);
  await expect(body.locator("mark", { hasText: "das erste Mal seit dem Jahr" })).toHaveCount(0);
  await expect(body).toContainText("das erste Mal seit dem Jahr 2001");

  // The workspace lists it prominently with the old quote next to the current text.
  await editor.goto(`/review/${ARTICLE_SLUG}`);
  const banner = editor.getByTestId("attention-banner");
  await expect(banner).toContainText("„das erste Mal seit dem Jahr 2000“");
  await expect(banner).toContainText("1 Aussage muss nach einer Korrektur des Artikeltexts erneut geprüft werden.");
  await banner.getByRole("button").first().click();
  const problem = editor.getByTestId("anchor-problem");
  await expect(problem.getByTestId("old-quote")).toHaveText("„das erste Mal seit dem Jahr 2000“");
  await expect(problem.getByTestId("current-text")).toHaveText("„das erste Mal seit dem Jahr 2001“");
  await editor.screenshot({ path: "e2e/.artifacts/screenshots/workspace-reanchor.png" });
  await expect(editor.getByTestId("workspace-article").locator("mark.is-changed")).toHaveText("das erste Mal seit dem Jahr 2001");

  // A reviewer confirms after seeing the difference; the reader sees it again on the new words.
  const reviewer = await pageAs(browser, ACCOUNTS.reviewer2);
  await reviewer.goto(`/queue`);
  await expect(reviewer.getByTestId("queue-toReanchor")).toContainText("Putins Reise nach Pjöngjang");
  await reviewer.goto(`/review/${ARTICLE_SLUG}`);
  await reviewer.getByTestId("attention-banner").getByRole("button").first().click();
  await reviewer.getByRole("button", { name: "Das Urteil gilt weiter – bestätigen" }).click();
  await expect(reviewer.getByTestId("attention-banner")).toHaveCount(0);
  await reader.reload();
  await expect(body.locator("mark", { hasText: "das erste Mal seit dem Jahr 2001" })).toBeVisible();

  for (const page of [reader, editor, reviewer]) await page.context().close();
});
