import { expect, type APIResponse, type Browser, type BrowserContext, type Page } from "@playwright/test";
import Database from "better-sqlite3";

export const ARTICLE_SLUG = "putin-kim-nordkorea";
export const ACCOUNTS = {
  admin: { email: "admin@example.org", password: "admin-demo-2026" },
  editor: { email: "editor@example.org", password: "editor-demo-2026" },
  reviewer: { email: "reviewer@example.org", password: "reviewer-demo-2026" },
  reviewer2: { email: "reviewer2@example.org", password: "reviewer2-demo-2026" },
} as const;

export async function signIn(page: Page, account: { email: string; password: string }, callback = "/") {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callback)}`);
  await page.getByLabel("E-Mail").fill(account.email);
  await page.getByLabel("Passwort").fill(account.password);
  await page.getByRole("button", { name: "Anmelden" }).last().click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

/** A new browser context signed in as `account` (German UI). */
export async function pageAs(browser: Browser, account: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  await signIn(page, account);
  return page;
}

/** Opens a claim in the workspace panel and takes a workflow step by its button label. */
export async function takeStep(page: Page, claimText: string, button: string, note?: string) {
  await page.goto(`/review/${ARTICLE_SLUG}`);
  const item = page.getByTestId("claim-list").locator(":scope > li", { hasText: claimText });
  if ((await item.getByTestId("claim-detail").count()) === 0) await item.getByRole("button").first().click();
  await item.getByRole("button", { name: button, exact: true }).click();
  if (note !== undefined) {
    await item.getByRole("textbox").first().fill(note);
    await item.getByRole("button", { name: "Bestätigen" }).click();
  }
  await expect(page.getByTestId("notice")).toContainText("Erledigt");
}

/** Drags the mouse across the first occurrence of `text` inside `rootSelector`, like a person selecting it. */
export async function selectWithMouse(page: Page, rootSelector: string, text: string) {
  // The workspace underlines claim suggestions once they arrive (aria-busy until then); measure after that.
  await page.locator(`${rootSelector}:not([aria-busy="true"])`).waitFor();
  const box = await page.evaluate(
    ({ rootSelector, text }) => {
      const root = document.querySelector(rootSelector)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = node.textContent!.indexOf(text);
        if (index < 0) continue;
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + text.length);
        (node.parentElement as HTMLElement).scrollIntoView({ block: "center" });
        const rects = [...range.getClientRects()];
        const first = rects[0];
        const last = rects[rects.length - 1];
        return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
      }
      throw new Error(`text not found: ${text}`);
    },
    { rootSelector, text },
  );
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}

/** Opens the e2e database read-only, to check what was (not) written. */
export function readDb<T>(query: (db: Database.Database) => T): T {
  const db = new Database(`data/e2e-${process.env.E2E_PORT ?? 3100}.db`, { readonly: true, fileMustExist: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
}

export function claimRowCount(): number {
  return readDb((db) => (db.prepare("SELECT COUNT(*) AS n FROM Claim").get() as { n: number }).n);
}

export function sourceRowCount(): number {
  return readDb((db) => (db.prepare("SELECT COUNT(*) AS n FROM Source").get() as { n: number }).n);
}

/** Adds an article through the add-article form (pasted text) as the signed-in `context`; returns its slug. */
export async function addArticle(context: BrowserContext, fields: { title: string; sourceUrl: string; publisher: string; text: string }): Promise<string> {
  const form = await context.newPage();
  await form.goto("/articles/new");
  for (const [id, value] of Object.entries(fields)) await form.locator(`#${id}`).fill(value);
  await form.locator("form button[type=submit]").click();
  await form.waitForURL(/\/review\//);
  const slug = decodeURIComponent(new URL(form.url()).pathname.split("/").pop()!);
  await form.close();
  return slug;
}

/** The version in a response's ETag (`"v3"` → 3). */
export const versionFrom = (response: APIResponse) => Number(/"v(\d+)"/.exec(response.headers()["etag"] ?? "")?.[1] ?? Number.NaN);

/**
 * Four eyes through the public API: the claim's author (an editor, who may also publish) submits
 * it, a second person approves it, the author publishes it.
 */
export async function publishThroughReview(claimId: string, author: BrowserContext, approver: BrowserContext): Promise<void> {
  let version = 1;
  for (const [context, action] of [[author, "submit"], [approver, "approve"], [author, "publish"]] as const) {
    const response = await context.request.post(`/api/v1/claims/${claimId}/transitions`, { data: { action }, headers: { "If-Match": `"v${version}"` } });
    expect(response.status(), `${action} ${claimId}: ${await response.text()}`).toBe(200);
    version = versionFrom(response);
  }
}
