/**
 * The reader page on desktop and on a phone: highlights, summary counts that match the
 * database, cards by click, keyboard and permalink, ClaimReview JSON-LD, and no serious
 * accessibility violations (axe) on the reader page, the home page and the workspace.
 */
import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { ACCOUNTS, ARTICLE_SLUG, pageAs, readDb } from "./helpers";
import { claimReviewProblems } from "../lib/domain/claim-review";

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
