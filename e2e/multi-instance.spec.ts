/**
 * Two app instances on one PostgreSQL database, as behind a load balancer: nothing that must be
 * shared may live in one process's memory. A session signed in through instance A works on B; a
 * claim published through A is on B's reader page and in B's annotations with the very next
 * request (one request each, no retries, after B has served the page without it); a user an
 * admin disables through A is refused by both.
 *
 * Both instances run the production build the Playwright web server made (it reads no database),
 * each from its own copy (see scripts/lib/app-instances.ts), on E2E_PORT+1 and E2E_PORT+2 against
 * a fresh database on TEST_POSTGRES_URL's server that is dropped afterwards.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";
import { DEFAULT_E2E_PORT, e2eDistDir, prepareDatabase, appEnv, startInstances, type AppSettings, type RunningInstances } from "../scripts/lib/app-instances";
import { createPostgresDatabase, type ThrowawayPostgres } from "../scripts/lib/throwaway-databases";
import { ACCOUNTS, ARTICLE_SLUG, signIn } from "./helpers";

const POSTGRES_SERVER = process.env.TEST_POSTGRES_URL;
const E2E_PORT = Number(process.env.E2E_PORT ?? DEFAULT_E2E_PORT);
const QUOTE = "4,8 Millionen Artilleriegeschosse";
const CLAIM_TEXT = "Nordkorea hat 4,8 Millionen Artilleriegeschosse nach Russland geliefert.";

test.describe("two instances on one PostgreSQL database (needs TEST_POSTGRES_URL)", () => {
  test.skip(!POSTGRES_SERVER, "TEST_POSTGRES_URL is not set: this test needs a PostgreSQL server both instances share (e.g. postgresql://postgres@127.0.0.1:5432/postgres)");
  // Serial: the instances and the database are set up once for the three tests.
  test.describe.configure({ mode: "serial", timeout: 120_000 });

  let database: ThrowawayPostgres | undefined;
  let running: RunningInstances | undefined;
  let A = "";
  let B = "";

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    database = await createPostgresDatabase(POSTGRES_SERVER!, "factcheck_e2e_multi");
    const shared = { databaseUrl: database.url, distDir: e2eDistDir(E2E_PORT), secret: "multi-instance-e2e-secret-not-for-production-0123", host: "127.0.0.1" };
    const instances: AppSettings[] = [{ ...shared, port: E2E_PORT + 1 }, { ...shared, port: E2E_PORT + 2 }];
    prepareDatabase(appEnv(instances[0]), { quiet: true });
    running = await startInstances(instances, { privateBuildCopies: true });
    [A, B] = running.urls;
  });

  test.afterAll(async () => {
    await running?.stop();
    await database?.drop();
  });

  /** A browser context whose relative URLs go to instance A, signed in there through next-auth's own form. */
  async function signedInOnA(browser: Browser, account: { email: string; password: string }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: "de-DE", baseURL: A });
    const page = await context.newPage();
    await signIn(page, account);
    return { context, page };
  }

  /** The context's session goes to both instances: cookies belong to the host, not the port. */
  async function expectWorkspaceOpens(page: Page, base: string) {
    await page.goto(`${base}/review/${ARTICLE_SLUG}`);
    await expect(page).toHaveURL(`${base}/review/${ARTICLE_SLUG}`);
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
  }

  async function expectWorkspaceRefused(page: Page, base: string) {
    await page.goto(`${base}/review/${ARTICLE_SLUG}`);
    await expect(page).toHaveURL(new RegExp(`^${base}/signin\\?callbackUrl=`));
  }

  test("a session signed in through A works on B", async ({ browser }) => {
    const { context, page } = await signedInOnA(browser, ACCOUNTS.reviewer);
    await expectWorkspaceOpens(page, B);
    await expect(page.getByTestId("signed-in-as")).toContainText("Rita Reuter");
    // Without the cookie, B sends the same address to the sign-in page.
    const anonymous = await browser.newContext({ locale: "de-DE" });
    await expectWorkspaceRefused(await anonymous.newPage(), B);
    await anonymous.close();
    await context.close();
  });

  test("a claim published through A is on B's reader page and in B's annotations at once", async ({ browser, playwright }) => {
    const reviewer = await signedInOnA(browser, ACCOUNTS.reviewer);
    const reviewer2 = await signedInOnA(browser, ACCOUNTS.reviewer2);
    const editor = await signedInOnA(browser, ACCOUNTS.editor);
    const reader = await playwright.request.newContext();

    const passage = await passageOf(QUOTE);
    const created = await reviewer.context.request.post(`${A}/api/v1/articles/${ARTICLE_SLUG}/claims`, {
      headers: { Origin: A },
      data: {
        passage,
        claimText: CLAIM_TEXT,
        claimant: "Shin Won-sik",
        verdict: "UNPROVEN",
        rationale: "Die Zahl stammt aus südkoreanischen Regierungsangaben und lässt sich unabhängig nicht prüfen.",
        sources: [{ url: "https://example.org/mnd-2024", title: "Briefing", publisher: "Verteidigungsministerium", stance: "CONTEXT" }],
      },
    });
    expect(created.status()).toBe(201);
    const claim = (await created.json()) as { id: string; version: number };

    // B knows the draft to staff (A's session cookie) and to nobody else.
    expect((await reviewer.context.request.get(`${B}/api/v1/claims/${claim.id}`)).status()).toBe(200);
    expect((await reader.get(`${B}/api/v1/claims/${claim.id}`)).status()).toBe(404);

    // B serves the reader page and the annotations before the publication, so any cache B keeps holds the old state.
    const annotationsUrl = `${B}/api/v1/articles/${ARTICLE_SLUG}/annotations`;
    expect(await (await reader.get(`${B}/articles/${ARTICLE_SLUG}`)).text()).not.toContain(claim.id);
    const before = await reader.get(annotationsUrl);
    expect(await before.text()).not.toContain(claim.id);
    const etagBefore = before.headers()["etag"];
    expect(etagBefore).toBeTruthy();

    // Four eyes, all through A: the author submits, another reviewer approves, an editor publishes.
    let version = claim.version;
    for (const [who, action] of [[reviewer, "submit"], [reviewer2, "approve"], [editor, "publish"]] as const) {
      const step = await who.context.request.post(`${A}/api/v1/claims/${claim.id}/transitions`, { headers: { "If-Match": `"v${version}"`, Origin: A }, data: { action } });
      expect(step.status(), `${action}: ${await step.text()}`).toBe(200);
      version = ((await step.json()) as { version: number }).version;
    }

    // The very next request to B shows it: one request each, no retries.
    const page = await reader.get(`${B}/articles/${ARTICLE_SLUG}`);
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain(`data-claim-id="${claim.id}"`);
    const after = await reader.get(annotationsUrl, { headers: { "If-None-Match": etagBefore } });
    expect(after.status()).toBe(200);
    expect(await after.text()).toContain(claim.id);

    // And a reader's browser on B opens the card.
    const readerPage = await (await browser.newContext({ locale: "de-DE" })).newPage();
    await readerPage.goto(`${B}/articles/${ARTICLE_SLUG}`);
    await readerPage.getByTestId("article-body").locator(`mark[data-claim-id="${claim.id}"]`).first().click();
    await expect(readerPage.getByTestId("claim-card")).toContainText(CLAIM_TEXT);

    await readerPage.context().close();
    await reader.dispose();
    for (const who of [reviewer, reviewer2, editor]) await who.context.close();
  });

  test("a user an admin disables through A is refused by both instances", async ({ browser }) => {
    const user = await signedInOnA(browser, ACCOUNTS.reviewer2);
    await expectWorkspaceOpens(user.page, A);
    await expectWorkspaceOpens(user.page, B);

    const admin = await signedInOnA(browser, ACCOUNTS.admin);
    await admin.page.goto("/admin/users");
    admin.page.once("dialog", (dialog) => void dialog.accept());
    await admin.page.getByTestId("user-row").filter({ hasText: ACCOUNTS.reviewer2.email }).getByRole("button", { name: "Sperren" }).click();
    await expect(admin.page.getByTestId("notice")).toHaveText("Ben Brandt ist gesperrt und wurde abgemeldet.");

    // The session cookie from before is refused by both, for pages and for the API.
    await expectWorkspaceRefused(user.page, A);
    await expectWorkspaceRefused(user.page, B);
    for (const base of [A, B]) {
      const write = await user.context.request.post(`${base}/api/v1/articles/${ARTICLE_SLUG}/claims`, { headers: { Origin: base }, data: {} });
      expect(write.status(), base).toBe(401);
    }
    // Signing in again through B fails like a wrong password.
    await user.page.goto(`${B}/signin`);
    await user.page.getByLabel("E-Mail").fill(ACCOUNTS.reviewer2.email);
    await user.page.getByLabel("Passwort").fill(ACCOUNTS.reviewer2.password);
    await user.page.getByRole("button", { name: "Anmelden" }).last().click();
    await expect(user.page.getByTestId("signin-error")).toHaveText("E-Mail oder Passwort ist falsch.");

    await admin.context.close();
    await user.context.close();
  });

  /** The offsets of `quote` in the reference article's canonical text, read from the shared database. */
  async function passageOf(quote: string): Promise<{ start: number; end: number }> {
    const client = new pg.Client({ connectionString: database!.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ text: string }>('SELECT "text" FROM "Article" WHERE slug = $1', [ARTICLE_SLUG]);
      const start = rows[0].text.indexOf(quote);
      expect(start).toBeGreaterThanOrEqual(0);
      return { start, end: start + quote.length };
    } finally {
      await client.end();
    }
  }
});
