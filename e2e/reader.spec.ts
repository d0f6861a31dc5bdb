/**
 * The reader page on desktop and on a phone: highlights, summary counts that match the
 * database, cards by click, keyboard and permalink, ClaimReview JSON-LD, and no serious
 * accessibility violations (axe) on the reader page, the home page and the workspace.
 */
import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { ACCOUNTS, ARTICLE_SLUG, addArticle, pageAs, publishThroughReview, readDb } from "./helpers";
import { claimReviewProblems } from "../lib/domain/claim-review";
import { VERDICT_SCALE } from "../lib/domain/verdicts";

interface Row {
  id: string;
  published: string | null;
  status: string;
  anchorStatus: string;
  deletedAt: string | null;
}

function readerVisibleIds(): string[] {
  return readDb((db) =>
    (db.prepare(`SELECT c.id, c.published, c.status, c.anchorStatus, c.deletedAt FROM Claim c JOIN Article a ON a.id = c.articleId WHERE a.slug = ?`).all(ARTICLE_SLUG) as Row[])
      .filter((c) => c.published !== null && c.status !== "RETRACTED" && c.anchorStatus === "ANCHORED" && c.deletedAt === null)
      .map((c) => c.id),
  );
}

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
}

for (const viewport of [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`reader page on ${viewport.name}: highlights, counts, cards, permalink, JSON-LD`, async ({ browser }) => {
    const context = await browser.newContext({ locale: "de-DE", viewport, isMobile: viewport.name === "phone", hasTouch: viewport.name === "phone" });
    const page = await context.newPage();
    await page.goto(`/articles/${ARTICLE_SLUG}`);
    const visible = readerVisibleIds();
    expect(visible.length).toBeGreaterThan(0);

    const marks = page.getByTestId("article-body").locator("mark[data-claim-id]");
    const markIds = new Set(await marks.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.claimId!)));
    expect([...markIds].sort()).toEqual([...visible].sort());
    await expect(page.getByTestId("summary-count")).toHaveText(`${visible.length} Aussagen geprüft`);
    const badgeTotal = await page.getByTestId("summary-bar").locator("[data-verdict] .tabular-nums").allTextContents();
    expect(badgeTotal.map(Number).reduce((a, b) => a + b, 0)).toBe(visible.length);

    // Every published claim has ClaimReview JSON-LD with Google's required fields; nothing else has.
    const jsonld = JSON.parse((await page.getByTestId("claim-review-jsonld").textContent())!);
    expect(jsonld).toHaveLength(visible.length);
    for (const review of jsonld) expect(claimReviewProblems(review)).toEqual([]);
    expect(jsonld.map((r: { url: string }) => r.url.split("#claim-")[1]).sort()).toEqual([...visible].sort());

    // Click opens the card; on a phone it is a bottom sheet.
    const first = page.locator(`#claim-${visible[0]}`);
    await first.click();
    const card = page.getByTestId("claim-card");
    await expect(card).toBeVisible();
    if (viewport.name === "phone") {
      const box = (await card.boundingBox())!;
      expect(Math.round(box.y + box.height)).toBeGreaterThanOrEqual(viewport.height - 2);
      expect(box.width).toBeGreaterThanOrEqual(viewport.width - 2);
    }
    await page.screenshot({ path: `e2e/.artifacts/screenshots/reader-${viewport.name}.png` });
    await page.keyboard.press("Escape");
    await expect(card).toBeHidden();

    // A permalink opens its card.
    await page.goto(`/articles/${ARTICLE_SLUG}#claim-${visible[1] ?? visible[0]}`);
    await expect(page.getByTestId("claim-card")).toBeVisible();
    await context.close();
  });
}

test("keyboard: Tab reaches the highlights in reading order, Enter opens, Escape returns focus", async ({ page }) => {
  await page.goto(`/articles/${ARTICLE_SLUG}`);
  const ids = await page.getByTestId("article-body").locator("mark[tabindex='0']").evaluateAll((els) => els.map((e) => e.id));
  const reached: string[] = [];
  await page.getByTestId("article-body").locator("p").first().click();
  for (let i = 0; i < 40 && reached.length < ids.length; i++) {
    await page.keyboard.press("Tab");
    const id = await page.evaluate(() => document.activeElement?.id ?? "");
    if (id.startsWith("claim-") && !reached.includes(id)) reached.push(id);
  }
  expect(reached).toEqual(ids);
  const last = page.locator(`#${ids.at(-1)}`);
  await expect(last).toBeFocused();
  await expect(last).toHaveAttribute("aria-label", /^(Richtig|Überwiegend richtig|Teils, teils|Überwiegend falsch|Falsch|Irreführend|Unbelegt): /);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("claim-card")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(last).toBeFocused();
});

test("two claims on the same words: each card offers the other, both permalinks open their card", async ({ browser }) => {
  const editor = (await pageAs(browser, ACCOUNTS.editor)).context();
  const reviewer = (await pageAs(browser, ACCOUNTS.reviewer)).context();
  // An article of its own, so that later specs see the reference article as it was.
  const slug = await addArticle(editor, {
    title: "Zwei Prüfungen an einer Stelle",
    sourceUrl: "https://example.org/zwei-pruefungen-eine-stelle",
    publisher: "Test",
    text: "Ein Vorspann für den Test.\n\nDie Regierung sagt, 4,8 Millionen Artilleriegeschosse seien geliefert worden. Danach folgt ein weiterer Satz.",
  });
  const text = readDb((db) => (db.prepare("SELECT text FROM Article WHERE slug = ?").get(slug) as { text: string }).text);
  const quote = "4,8 Millionen Artilleriegeschosse";
  const passage = { start: text.indexOf(quote), end: text.indexOf(quote) + quote.length };
  const ids: Record<string, string> = {};
  for (const [claimText, verdict] of [["Die Zahl stimmt.", "TRUE"], ["Die Lieferung ist nicht belegt.", "UNPROVEN"]]) {
    const response = await editor.request.post(`/api/v1/articles/${slug}/claims`, { data: { passage, claimText, claimant: "Regierung", verdict, rationale: "Begründung.", sources: [{ url: "https://example.org/quelle", title: "Quelle", publisher: "Demo", stance: "CONTEXT" }] } });
    expect(response.status(), await response.text()).toBe(201);
    ids[claimText] = (await response.json()).id;
    await publishThroughReview(ids[claimText], editor, reviewer);
  }

  const page = await (await browser.newContext({ locale: "de-DE" })).newPage();
  await page.goto(`/articles/${slug}`);
  const mark = page.getByTestId("article-body").locator("mark[data-claim-id]");
  await expect(mark).toHaveCount(1);
  expect((await mark.getAttribute("data-claim-ids"))!.split(" ").sort()).toEqual(Object.values(ids).sort());
  // One highlight, whose badge shows both verdicts and whose label tells of the other check.
  expect((await mark.getAttribute("data-glyph"))!.split(" ").sort()).toEqual([VERDICT_SCALE.TRUE.glyph, VERDICT_SCALE.UNPROVEN.glyph].sort());
  await expect(mark).toHaveAttribute("aria-label", /Weitere Prüfungen an dieser Stelle: 1$/);
  const card = page.getByTestId("claim-card");
  const others = card.getByTestId("others-here");
  await mark.click();
  const topId = await mark.getAttribute("data-claim-id");
  const shown = Object.keys(ids).find((t) => ids[t] === topId)!;
  const other = Object.keys(ids).find((t) => t !== shown)!;
  await expect(card.getByRole("heading", { level: 2 })).toHaveText(shown);
  await others.getByRole("button", { name: other }).click();
  await expect(card.getByRole("heading", { level: 2 })).toHaveText(other);
  await expect(others.getByRole("button", { name: shown })).toBeVisible();
  await page.screenshot({ path: "e2e/.artifacts/screenshots/reader-same-words.png" });
  await page.keyboard.press("Escape");
  await expect(card).toHaveCount(0);
  await expect(mark).toBeFocused();

  // The claim without a highlight of its own is reached by its permalink too.
  for (const claimText of Object.keys(ids)) {
    await page.goto(`/articles/${slug}#claim-${ids[claimText]}`);
    await expect(card.getByRole("heading", { level: 2 })).toHaveText(claimText);
  }
  await Promise.all([editor.close(), reviewer.close(), page.context().close()]);
});

test("no serious or critical accessibility violations on the reader page, the home page and the workspace", async ({ page, browser }) => {
  await page.goto(`/articles/${ARTICLE_SLUG}`);
  await expectNoSeriousViolations(page);
  await page.goto("/");
  await expectNoSeriousViolations(page);
  const staff = await pageAs(browser, ACCOUNTS.reviewer);
  await staff.goto(`/review/${ARTICLE_SLUG}`);
  await expectNoSeriousViolations(staff);
  await staff.getByTestId("claim-list").locator(":scope > li").first().getByRole("button").first().click();
  await expectNoSeriousViolations(staff);
  await staff.context().close();
});

test("the ClaimReview feed lists every published verdict, paginated", async ({ request }) => {
  const response = await request.get("/api/v1/claim-reviews?pageSize=2");
  expect(response.status()).toBe(200);
  expect(response.headers()["etag"]).toBeTruthy();
  const feed = await response.json();
  expect(feed.dataFeedElement.length).toBeLessThanOrEqual(2);
  for (const review of feed.dataFeedElement) expect(claimReviewProblems(review)).toEqual([]);
  const all = await (await request.get("/api/v1/claim-reviews?pageSize=100")).json();
  expect(all.totalItems).toBe(readDb((db) => (db.prepare("SELECT COUNT(*) AS n FROM Claim WHERE published IS NOT NULL AND status != 'RETRACTED' AND anchorStatus = 'ANCHORED' AND deletedAt IS NULL").get() as { n: number }).n));
  expect((await request.get("/api/v1/claim-reviews?pageSize=1000")).status()).toBe(422);
});
