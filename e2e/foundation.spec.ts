/**
 * The foundation's main path: a reviewer highlights a claim in the reference article with the
 * mouse, attaches a verdict and two sources, and an anonymous reader sees it — in the page and
 * in the public Web Annotation API.
 */
import { expect, test } from "@playwright/test";
import { ACCOUNTS, ARTICLE_SLUG, pageAs, selectWithMouse, signIn, takeStep } from "./helpers";

const QUOTE = "4,8 Millionen Artilleriegeschosse";

test("wrong password gets a clear message that does not say which field was wrong", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("E-Mail").fill(ACCOUNTS.reviewer.email);
  await page.getByLabel("Passwort").fill("not-the-password");
  await page.getByRole("button", { name: "Anmelden" }).last().click();
  await expect(page.getByTestId("signin-error")).toHaveText("E-Mail oder Passwort ist falsch.");
  await page.getByLabel("E-Mail").fill("nobody@example.org");
  await page.getByRole("button", { name: "Anmelden" }).last().click();
  await expect(page.getByTestId("signin-error")).toHaveText("E-Mail oder Passwort ist falsch.");
});

test("a reviewer adds a claim with the mouse and a reader sees it", async ({ page, browser }) => {
  await signIn(page, ACCOUNTS.reviewer);
  await page.goto(`/review/${ARTICLE_SLUG}`);
  const article = page.getByTestId("workspace-article");
  await expect(article).toContainText(QUOTE);

  await selectWithMouse(page, '[data-testid="workspace-article"]', QUOTE);
  await page.getByTestId("add-claim").click();

  const form = page.getByTestId("claim-form");
  await expect(form.locator("blockquote")).toContainText(`„${QUOTE}“`);
  await expect(form.getByLabel("Geprüfte Aussage")).toHaveValue(QUOTE);
  await form.getByLabel("Geprüfte Aussage").fill("Nordkorea hat etwa 4,8 Millionen Artilleriegeschosse an Russland geliefert.");
  await form.getByLabel("Urheber/in").fill("Shin Won-sik");
  await form.locator("label", { hasText: "Unbelegt" }).click();
  await form.getByLabel("Begründung").fill("Die Zahl ist eine Hochrechnung aus der Zahl der Container; Belege für den Inhalt fehlen.");
  const first = form.getByTestId("source-0");
  await first.getByLabel("Link").fill("https://example.org/mnd-briefing");
  await first.getByLabel("Titel").fill("Briefing des Verteidigungsministeriums");
  await first.getByLabel("Herausgeber").fill("Verteidigungsministerium Südkorea");
  await first.getByLabel("Datum").fill("2024-06-13");
  await first.getByLabel("Belegstelle").fill("Die Container könnten bis zu 4,8 Millionen Granaten enthalten haben.");
  await form.getByRole("button", { name: "Quelle hinzufügen" }).click();
  const second = form.getByTestId("source-1");
  await second.getByLabel("Link").fill("https://example.org/analysis");
  await second.getByLabel("Titel").fill("Wie viele Granaten passen in einen Container?");
  await second.getByLabel("Herausgeber").fill("Demo-Analyse");
  await second.getByLabel("Bezug").selectOption("CONTEXT");
  await form.getByRole("button", { name: "Aussage speichern" }).click();

  await expect(page.getByTestId("notice")).toHaveText("Aussage gespeichert.");
  const mark = article.locator("mark[data-verdict='UNPROVEN']", { hasText: QUOTE });
  await expect(mark).toBeVisible();

  // The panel lists claims in reading order: 10.000 containers, then 4.8 million shells, then Putin's visit.
  const items = page.getByTestId("claim-list").locator(":scope > li");
  const newItem = items.filter({ hasText: "4,8 Millionen Artilleriegeschosse an Russland" });
  await expect(newItem).toHaveCount(1);
  const order = async () => {
    const texts = await items.allTextContents();
    return ["10.000 Schiffscontainer", "4,8 Millionen Artilleriegeschosse an Russland", "seit dem Jahr 2000"].map((t) => texts.findIndex((x) => x.includes(t)));
  };
  const [containers, shells, visit] = await order();
  expect(containers).toBeGreaterThanOrEqual(0);
  expect(shells).toBe(containers + 1);
  expect(visit).toBe(shells + 1);

  // Both survive a reload.
  await page.reload();
  await expect(article.locator("mark", { hasText: QUOTE })).toBeVisible();
  await expect(newItem).toContainText("Shin Won-sik");
  expect(await order()).toEqual([containers, shells, visit]);

  // Clicking a highlight selects its claim, and the other way round.
  await article.locator("mark", { hasText: QUOTE }).click();
  await expect(newItem.getByRole("button").first()).toHaveAttribute("aria-current", "true");
  await items.filter({ hasText: "10.000 Schiffscontainer" }).getByRole("button").first().click();
  await expect(article.locator("mark", { hasText: "mehr als 10.000 Schiffscontainer" })).toHaveAttribute("data-selected", "true");
  await page.screenshot({ path: "e2e/.artifacts/screenshots/workspace.png", fullPage: false });

  // Four eyes: the author submits, a second reviewer approves, an editor publishes.
  await takeStep(page, "4,8 Millionen Artilleriegeschosse an Russland", "Zur Prüfung einreichen");
  const reviewerB = await pageAs(browser, ACCOUNTS.reviewer2);
  await takeStep(reviewerB, "4,8 Millionen Artilleriegeschosse an Russland", "Freigeben");
  const editor = await pageAs(browser, ACCOUNTS.editor);
  await takeStep(editor, "4,8 Millionen Artilleriegeschosse an Russland", "Veröffentlichen");
  await expect(editor.getByTestId("claim-list").locator(":scope > li", { hasText: "4,8 Millionen Artilleriegeschosse an Russland" }).getByTestId("claim-status")).toHaveText("Veröffentlicht");
  await reviewerB.context().close();
  await editor.context().close();

  // A reader (no account) sees the highlight, its card, and the API returns it.
  const reader = await browser.newPage({ locale: "de-DE" });
  await reader.goto(`/articles/${ARTICLE_SLUG}`);
  const readerMark = reader.getByTestId("article-body").locator("mark", { hasText: QUOTE });
  await expect(readerMark).toHaveAttribute("data-verdict", "UNPROVEN");
  await expect(reader.getByTestId("summary-count")).toHaveText("4 Aussagen geprüft");
  await readerMark.click();
  const card = reader.getByTestId("claim-card");
  await expect(card).toContainText("Unbelegt");
  await expect(card).toContainText("Nordkorea hat etwa 4,8 Millionen Artilleriegeschosse an Russland geliefert.");
  await expect(card).toContainText("Shin Won-sik");
  await expect(card).toContainText("Verteidigungsministerium Südkorea");
  await expect(card).toContainText("13. Juni 2024");
  await expect(card).toContainText("Gegengeprüft von Ben Brandt");
  await expect(card.getByRole("link", { name: "Briefing des Verteidigungsministeriums" })).toHaveAttribute("href", "https://example.org/mnd-briefing");
  await expect(card.getByRole("link", { name: "Briefing des Verteidigungsministeriums" })).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await reader.screenshot({ path: "e2e/.artifacts/screenshots/reader-card.png" });

  // Keyboard: Escape closes and returns focus; Enter on a focused highlight opens the card.
  await reader.keyboard.press("Escape");
  await expect(card).toBeHidden();
  await expect(readerMark).toBeFocused();
  await reader.keyboard.press("Enter");
  await expect(reader.getByTestId("claim-card")).toContainText("Shin Won-sik");

  const response = await reader.request.get(`/api/v1/articles/${ARTICLE_SLUG}/annotations`);
  expect(response.status()).toBe(200);
  expect(response.headers()["etag"]).toBeTruthy();
  expect(response.headers()["cache-control"]).toContain("public");
  const page1 = await response.json();
  expect(page1.type).toBe("AnnotationPage");
  const annotation = page1.items.find((a: { target: { selector: { exact?: string }[] } }) => a.target.selector[0].exact === QUOTE);
  expect(annotation.motivation).toBe("assessing");
  expect(annotation.body[0]).toMatchObject({ purpose: "assessing", verdict: "UNPROVEN" });
  expect(annotation.target.selector[0]).toMatchObject({ type: "TextQuoteSelector", exact: QUOTE, suffix: expect.stringMatching(/^ befunden haben/) });
  expect(annotation.target.selector[1].type).toBe("TextPositionSelector");
  expect(annotation.body.filter((b: { purpose: string }) => b.purpose === "linking")).toHaveLength(2);
  const again = await reader.request.get(`/api/v1/articles/${ARTICLE_SLUG}/annotations`, { headers: { "If-None-Match": response.headers()["etag"] } });
  expect(again.status()).toBe(304);
  await reader.close();

  // Sign out: the workspace is closed again.
  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page.getByRole("link", { name: "Anmelden" })).toBeVisible();
  await page.goto(`/review/${ARTICLE_SLUG}`);
  await expect(page).toHaveURL(/\/signin/);
});

test("a reviewer edits and deletes their own claim", async ({ page }) => {
  await signIn(page, ACCOUNTS.reviewer);
  await page.goto(`/review/${ARTICLE_SLUG}`);
  const item = page.getByTestId("claim-list").locator(":scope > li", { hasText: "Shahed" });
  await item.getByRole("button").first().click();
  await item.getByRole("button", { name: "Bearbeiten" }).click();
  const form = page.getByTestId("claim-form");
  await form.getByLabel("Urheber/in").fill("Ukrainische Luftwaffe");
  await form.getByRole("button", { name: "Aussage speichern" }).click();
  await expect(page.getByTestId("notice")).toHaveText("Aussage gespeichert.");
  await expect(item).toContainText("Ukrainische Luftwaffe");

  await item.getByRole("button").first().click();
  page.once("dialog", (dialog) => dialog.accept());
  await item.getByRole("button", { name: "Löschen" }).click();
  await expect(page.getByTestId("notice")).toHaveText("Aussage gelöscht.");
  await expect(page.getByTestId("claim-list").locator(":scope > li", { hasText: "Shahed" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("workspace-article").locator("mark", { hasText: "Shahed" })).toHaveCount(0);
});

test("keyboard: shift+arrows select a passage and Enter opens the claim form", async ({ page }) => {
  await signIn(page, ACCOUNTS.reviewer2);
  await page.goto(`/review/${ARTICLE_SLUG}`);
  const article = page.getByTestId("workspace-article");
  await article.focus();
  // From the start of the article text (the lead), extend the selection over its first word.
  for (let i = 0; i < "Putin".length; i++) await page.keyboard.press("Shift+ArrowRight");
  await expect(page.getByTestId("add-claim")).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("claim-form").locator("blockquote")).toContainText("„Putin“");
});

test("a reviewer adds an article by pasting its text; bad fields are explained", async ({ page }) => {
  await signIn(page, ACCOUNTS.reviewer);
  await page.goto("/");
  await page.getByRole("link", { name: "Artikel hinzufügen" }).click();
  await page.getByLabel("Titel").fill("Inflation sinkt auf 2,4 Prozent");
  await page.getByLabel("Original-URL").fill("ftp://example.org/inflation");
  await page.getByRole("button", { name: "Artikel hinzufügen" }).click();
  await expect(page.getByText("Geben Sie einen Link ein, der mit http:// oder https:// beginnt.")).toBeVisible();
  await expect(page.getByText("Dieses Feld ist erforderlich.").first()).toBeVisible();

  await page.getByLabel("Original-URL").fill("https://example.org/wirtschaft/inflation");
  await page.getByLabel("Medium").fill("Beispiel-Zeitung");
  await page.getByLabel("Erscheinungsdatum").fill("2024-10-01");
  await page.getByLabel("Artikeltext").fill(
    "Die Inflation in Deutschland ist im September auf 2,4 Prozent gesunken.\n\nDas teilte das Statistische Bundesamt am Montag mit. Im August hatte die Rate noch bei 2,6 Prozent gelegen.\n\nÖkonomen erwarten weitere Rückgänge",
  );
  await page.getByRole("button", { name: "Artikel hinzufügen" }).click();
  await expect(page).toHaveURL(/\/review\/inflation-sinkt-auf-2-4-prozent$/);
  const article = page.getByTestId("workspace-article");
  await expect(article.locator("[data-block='lead']")).toHaveText("Die Inflation in Deutschland ist im September auf 2,4 Prozent gesunken.");
  await expect(article.locator("[data-block='paragraph']")).toHaveText(/Statistische Bundesamt/);
  await page.goto("/");
  await expect(page.getByTestId("article-row").filter({ hasText: "Inflation sinkt" })).toContainText("Noch keine veröffentlichten Prüfungen");
});

test("the language follows the browser and can be switched", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Checked articles");
  await page.getByRole("button", { name: "German" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geprüfte Artikel");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geprüfte Artikel");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await context.close();
});
