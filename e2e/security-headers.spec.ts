/**
 * Security hardening on the production build: the headers of every kind of response (pages,
 * signed-in pages, public and authenticated API, 404, 500, the overlay script, build assets), a
 * nonce CSP that the pages' scripts carry and that breaks nothing, cross-origin refusals for
 * route handlers, server actions and next-auth, body size limits, no open redirect after sign-in,
 * cookie flags, and the start-up refusal without NEXTAUTH_SECRET.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { appEnv, DEFAULT_E2E_PORT, e2eDistDir, startInstances, type AppSettings } from "../scripts/lib/app-instances";
import { nonceOf } from "../lib/domain/security-headers";
import { ACCOUNTS, ARTICLE_SLUG, pageAs, readDb } from "./helpers";

const PORT = Number(process.env.E2E_PORT ?? DEFAULT_E2E_PORT);
const APP = `http://localhost:${PORT}`;
const DATABASE_FILE = `data/e2e-${PORT}.db`;
const FOREIGN = "https://evil.example";
const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");

type Headers = Record<string, string>;

function expectSecurityHeaders(headers: Headers, resourcePolicy: "same-origin" | "cross-origin" = "same-origin") {
  expect(headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["cross-origin-resource-policy"]).toBe(resourcePolicy);
  expect(headers["x-powered-by"]).toBeUndefined();
}

/** Checks the CSP of a dynamic response and returns its nonce. */
function expectNonceCsp(headers: Headers): string {
  const policy = headers["content-security-policy"];
  expect(policy).toMatch(/(^|; )script-src 'self' 'nonce-[A-Za-z0-9+/=]{22,}' 'strict-dynamic'(;|$)/);
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", "connect-src 'self'"]) expect(policy).toContain(directive);
  expect(policy).not.toContain("unsafe-eval");
  return nonceOf(policy)!;
}

function expectNoStore(headers: Headers) {
  expect(headers["cache-control"]).toMatch(/\bprivate\b/);
  expect(headers["cache-control"]).toMatch(/\bno-store\b/);
}

/** An error body as the API promises it: a code and a message, no stack, no database internals. */
async function expectCleanError(response: APIResponse, status: number, code: string) {
  expect(response.status()).toBe(status);
  const text = await response.text();
  expect(JSON.parse(text).error.code).toBe(code);
  expect(text).not.toMatch(/sqlite|prisma|database|busy|locked|\bat \S+ \(|node_modules|\.ts:\d+/i);
}

/** Collects the page's CSP violations (events and console reports), across navigations. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/content security policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("__reportCspViolation", (violation: string) => violations.push(violation));
  await page.addInitScript(() => {
    const report = (window as unknown as { __reportCspViolation: (violation: string) => void }).__reportCspViolation;
    document.addEventListener("securitypolicyviolation", (event) => report(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));
  });
  return violations;
}

/** Every executable script in the HTML carries this response's nonce (JSON-LD data blocks are not scripts that run). */
function expectScriptsCarryNonce(html: string, nonce: string) {
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]).filter((attributes) => !attributes.includes("application/ld+json"));
  expect(scripts.length).toBeGreaterThan(0);
  for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
}

function commentCount(claimId: string): number {
  return readDb((db) => (db.prepare("SELECT COUNT(*) AS n FROM Comment WHERE claimId = ?").get(claimId) as { n: number }).n);
}

function firstClaimId(): string {
  return readDb((db) => (db.prepare("SELECT c.id FROM Claim c JOIN Article a ON a.id = c.articleId WHERE a.slug = ? AND c.deletedAt IS NULL ORDER BY c.id LIMIT 1").get(ARTICLE_SLUG) as { id: string }).id);
}

/** The id of a server action, from the build's manifest (as a client bundle knows it). */
function serverActionId(name: string): string {
  const manifest = JSON.parse(readFileSync(`${e2eDistDir(PORT)}/server/server-reference-manifest.json`, "utf8")) as { node: Record<string, { exportedName?: string }> };
  const id = Object.entries(manifest.node).find(([, action]) => action.exportedName === name)?.[0];
  if (!id) throw new Error(`no server action ${name} in the build`);
  return id;
}

test("home and reader pages: security headers, a nonce on every script, no CSP violation, interactive", async ({ page }) => {
  const violations = await watchCsp(page);
  for (const path of ["/", `/articles/${ARTICLE_SLUG}`]) {
    const response = (await page.goto(path))!;
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expectSecurityHeaders(headers);
    expectScriptsCarryNonce(await response.text(), expectNonceCsp(headers));
  }
  // The reader's cards open (React hydrated under the CSP) …
  await page.getByTestId("article-body").locator("mark[data-claim-id]").first().click();
  await expect(page.getByTestId("claim-card")).toBeVisible();
  // … and a server action from the browser passes the origin check: the language switch.
  await page.getByRole("button", { name: /englisch|english/i }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(violations).toEqual([]);
});

test("a fresh nonce per response", async ({ request }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) nonces.add(expectNonceCsp((await request.get("/")).headers()));
  expect(nonces.size).toBe(3);
});

test("signed-in pages: no-store, CSP with nonce, working without violations", async ({ browser }) => {
  const page = await pageAs(browser, ACCOUNTS.admin);
  const violations = await watchCsp(page);
  for (const path of [`/review/${ARTICLE_SLUG}`, `/review/${ARTICLE_SLUG}/edit`, "/articles/new", "/queue", "/account", "/admin/users", "/"]) {
    const response = (await page.goto(path))!;
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expectSecurityHeaders(headers);
    expectNoStore(headers);
    expectScriptsCarryNonce(await response.text(), expectNonceCsp(headers));
  }
  // The workspace works: a claim opens in the panel.
  await page.goto(`/review/${ARTICLE_SLUG}`);
  const item = page.getByTestId("claim-list").locator(":scope > li").first();
  await item.getByRole("button").first().click();
  await expect(item.getByTestId("claim-detail")).toBeVisible();
  expect(violations).toEqual([]);
  await page.context().close();
});

test("API: public GETs readable cross-origin, authenticated ones and any signed-in request never stored", async ({ browser, request }) => {
  const anonymous = await request.get("/api/v1/articles");
  expect(anonymous.status()).toBe(200);
  expectSecurityHeaders(anonymous.headers(), "cross-origin");
  expectNonceCsp(anonymous.headers());
  expect(anonymous.headers()["cache-control"]).toContain("public");

  const page = await pageAs(browser, ACCOUNTS.editor);
  const revisions = await page.request.get(`/api/v1/claims/${firstClaimId()}/revisions`);
  expect(revisions.status()).toBe(200);
  expectSecurityHeaders(revisions.headers(), "cross-origin");
  expectNoStore(revisions.headers());
  // The public list answers the same to everyone, but a response to a request with a session cookie is not cached.
  expectNoStore((await page.request.get("/api/v1/articles")).headers());
  await page.context().close();
});

test("404 page and 404 API: headers, no details", async ({ page, request }) => {
  const violations = await watchCsp(page);
  const notFoundPage = (await page.goto("/there-is-nothing-here"))!;
  expect(notFoundPage.status()).toBe(404);
  expectSecurityHeaders(notFoundPage.headers());
  expectNoStore(notFoundPage.headers());
  expectScriptsCarryNonce(await notFoundPage.text(), expectNonceCsp(notFoundPage.headers()));
  expect(violations).toEqual([]);

  for (const path of ["/api/there-is-nothing-here", "/api/v1/claims/no-such-claim"]) {
    const response = await request.get(path);
    expect(response.status()).toBe(404);
    expectSecurityHeaders(response.headers(), path.startsWith("/api/v1/") ? "cross-origin" : "same-origin");
    expectNonceCsp(response.headers());
  }
  await expectCleanError(await request.get("/api/v1/claims/no-such-claim"), 404, "NOT_FOUND");
});

test("500 when the database fails: headers, a generic body without database message or stack, nothing written", async ({ browser }) => {
  const page = await pageAs(browser, ACCOUNTS.editor);
  const claimId = firstClaimId();
  const before = commentCount(claimId);
  // Another connection holds SQLite's write lock: the app's insert waits its busy timeout and fails.
  const blocker = new Database(DATABASE_FILE);
  blocker.prepare("BEGIN IMMEDIATE").run();
  const response = await page.request.post(`/api/v1/claims/${claimId}/comments`, { data: { body: "Wird nicht gespeichert." } }).finally(() => {
    blocker.prepare("ROLLBACK").run();
    blocker.close();
  });
  await expectCleanError(response, 500, "INTERNAL");
  expectSecurityHeaders(response.headers(), "cross-origin");
  expectNonceCsp(response.headers());
  expectNoStore(response.headers());
  expect(commentCount(claimId)).toBe(before);
  await page.context().close();
});

test("health check: 200 with the database answering", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
  expect(response.headers()["cache-control"]).toBe("no-store");
  expectSecurityHeaders(response.headers());
});

test("static files: the overlay script may be loaded cross-origin, build assets not; both carry the security headers", async ({ request }) => {
  const embed = await request.get("/embed.js");
  expect(embed.status()).toBe(200);
  expectSecurityHeaders(embed.headers(), "cross-origin");

  const html = await (await request.get("/")).text();
  const asset = /\/_next\/static\/[^"]+\.(?:js|css)/.exec(html)?.[0];
  expect(asset).toBeTruthy();
  const response = await request.get(asset!);
  expect(response.status()).toBe(200);
  expectSecurityHeaders(response.headers());
  expect(response.headers()["cache-control"]).toContain("immutable");
});

test("route handlers refuse writes from another origin, Origin null and cross-site fetches; API clients and own pages pass", async ({ browser }) => {
  const page = await pageAs(browser, ACCOUNTS.editor);
  const claimId = firstClaimId();
  const url = `/api/v1/claims/${claimId}/comments`;
  const before = commentCount(claimId);
  const crossOrigin: Headers[] = [{ Origin: FOREIGN }, { Origin: "null" }, { "Sec-Fetch-Site": "cross-site" }, { Origin: APP, "Sec-Fetch-Site": "same-site" }];
  for (const headers of crossOrigin) {
    const refused = await page.request.post(url, { data: { body: "CSRF" }, headers });
    await expectCleanError(refused, 403, "FORBIDDEN");
    expectSecurityHeaders(refused.headers(), "cross-origin");
  }
  const claim = await page.request.get(`/api/v1/claims/${claimId}`);
  const etag = claim.headers()["etag"];
  await expectCleanError(await page.request.delete(`/api/v1/claims/${claimId}`, { headers: { Origin: FOREIGN, "If-Match": etag } }), 403, "FORBIDDEN");
  await expectCleanError(await page.request.patch(`/api/v1/claims/${claimId}`, { headers: { Origin: FOREIGN, "If-Match": etag }, data: {} }), 403, "FORBIDDEN");
  expect(commentCount(claimId)).toBe(before);
  expect((await page.request.get(`/api/v1/claims/${claimId}`)).headers()["etag"]).toBe(etag);

  // A server-side API client (no Origin, no Sec-Fetch-Site) and the site's own pages may write.
  expect((await page.request.post(url, { data: { body: "Vom API-Client." } })).status()).toBe(201);
  expect((await page.request.post(url, { data: { body: "Von der eigenen Seite." }, headers: { Origin: APP, "Sec-Fetch-Site": "same-origin" } })).status()).toBe(201);
  expect(commentCount(claimId)).toBe(before + 2);
  // Reading stays open to every origin (the overlay on publishers' pages).
  expect((await page.request.get(`/api/v1/articles/${ARTICLE_SLUG}/annotations`, { headers: { Origin: FOREIGN } })).status()).toBe(200);
  await page.context().close();
});

test("server actions refuse a foreign Origin and Origin null, and take the site's own", async ({ page }) => {
  await page.goto("/");
  const field = await page.locator('form input[name^="$ACTION_ID_"]').first().getAttribute("name");
  const actionId = field!.slice("$ACTION_ID_".length);
  expect(actionId).toBe(serverActionId("setLocale"));
  const setLocale = (origin: string) => page.request.post("/", { headers: { Origin: origin }, multipart: { [field!]: "", locale: "en" }, maxRedirects: 0 });
  const localeCookie = (response: APIResponse) => response.headersArray().some((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("locale="));

  for (const origin of [FOREIGN, "null"]) {
    const refused = await setLocale(origin);
    await expectCleanError(refused, 403, "FORBIDDEN");
    expect(localeCookie(refused)).toBe(false);
    // The same through the fetch protocol the client uses (Next-Action header).
    const viaFetch = await page.request.post("/", { headers: { Origin: origin, "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8" }, data: "[]" });
    await expectCleanError(viaFetch, 403, "FORBIDDEN");
  }
  const accepted = await setLocale(APP);
  expect(accepted.status()).toBe(200);
  expect(localeCookie(accepted)).toBe(true);
});

test("size limits: 300 KB or a 1 MB field on the API and an oversized server-action body get 413, never 500", async ({ browser }) => {
  const page = await pageAs(browser, ACCOUNTS.editor);
  const url = `/api/v1/claims/${firstClaimId()}/comments`;
  await expectCleanError(await page.request.post(url, { data: { body: "x".repeat(300 * 1024) } }), 413, "PAYLOAD_TOO_LARGE");
  await expectCleanError(await page.request.post(url, { data: { body: "x".repeat(1024 * 1024) } }), 413, "PAYLOAD_TOO_LARGE");
  // Under the body limit but over the field's: a validation error.
  const longComment = await page.request.post(url, { data: { body: "x".repeat(100 * 1024) } });
  await expectCleanError(longComment, 422, "VALIDATION");

  // Without Content-Length (chunked) the handler stops reading at the limit.
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const chunk = new TextEncoder().encode(`{"body":"${"x".repeat(64 * 1024)}`);
  let sent = 0;
  const endless = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ < 5) controller.enqueue(chunk);
      else controller.close();
    },
  });
  const chunked = await fetch(`${APP}${url}`, { method: "POST", body: endless, headers: { cookie, "content-type": "application/json" }, duplex: "half" } as RequestInit);
  expect(chunked.status).toBe(413);

  // A 13 MB import (server action, limit 12 MB): Next itself would answer 500.
  const html = `<p>${"x".repeat(13 * 1024 * 1024)}</p>`;
  const action = await page.request.post("/articles/new", {
    headers: { Origin: APP, "Next-Action": serverActionId("extractFromHtmlAction"), "Content-Type": "text/plain;charset=UTF-8" },
    data: JSON.stringify([{ html, sourceUrl: "" }]),
  });
  await expectCleanError(action, 413, "PAYLOAD_TOO_LARGE");
  await page.context().close();
});

/** Signs in through next-auth's own endpoints, as the sign-in form does; returns the response. */
async function signInRequest(base: string, options: { callbackUrl?: string; origin?: string } = {}) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const form = new URLSearchParams({ csrfToken, email: ACCOUNTS.reviewer.email, password: ACCOUNTS.reviewer.password, json: "true", callbackUrl: options.callbackUrl ?? "/" });
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    body: form,
    headers: { cookie, "content-type": "application/x-www-form-urlencoded", ...(options.origin ? { origin: options.origin } : {}) },
    redirect: "manual",
  });
  return { csrfCookies: csrf.headers.getSetCookie(), response };
}

const sessionCookie = (setCookies: string[]) => setCookies.find((c) => /^(__Secure-)?next-auth\.session-token=/.test(c));

test("next-auth: cookies HttpOnly and SameSite=Lax, foreign Origin refused, no redirect to another site", async () => {
  const { csrfCookies, response } = await signInRequest(APP);
  expect(response.status).toBe(200);
  const session = sessionCookie(response.headers.getSetCookie());
  expect(session).toMatch(/; HttpOnly/i);
  expect(session).toMatch(/; SameSite=Lax/i);
  expect(session).not.toMatch(/; Secure/i); // plain http here; see the https instance below
  for (const cookie of csrfCookies) expect(cookie).toMatch(/; HttpOnly/i);

  const foreign = await signInRequest(APP, { origin: FOREIGN });
  expect(foreign.response.status).toBe(403);
  expect(sessionCookie(foreign.response.headers.getSetCookie())).toBeUndefined();

  for (const callbackUrl of [`${FOREIGN}/phish`, "//evil.example", "/\\evil.example", "javascript:alert(1)", "http://localhost.evil.example/"]) {
    const { response: redirected } = await signInRequest(APP, { callbackUrl });
    const { url } = (await redirected.json()) as { url: string };
    expect(new URL(url).origin, callbackUrl).toBe(APP);
  }
  const { response: own } = await signInRequest(APP, { callbackUrl: `/review/${ARTICLE_SLUG}?x=1` });
  expect(((await own.json()) as { url: string }).url).toBe(`${APP}/review/${ARTICLE_SLUG}?x=1`);
});

test.describe("separate instances of the same build", () => {
  test.describe.configure({ timeout: 180_000 });
  // One port above the suite's own; the multi-instance test uses +1 and +2, and tests run one at a time.
  const instance: AppSettings = { port: PORT + 3, databaseUrl: `file:./${DATABASE_FILE}`, distDir: e2eDistDir(PORT), secret: "instance-secret-for-the-https-cookie-test-0123" };

  /**
   * Runs `next start` until it exits on its own. Should it serve a request instead, it is stopped
   * and the result says so, so a regression fails the test rather than leaving a server running.
   */
  async function startUntilExit(secret: string): Promise<{ code: number | null; served: boolean; output: string }> {
    // An empty value, not a missing one: Next would otherwise take NEXTAUTH_SECRET from a local .env.
    const env = { ...appEnv(instance), NEXTAUTH_SECRET: secret };
    const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(instance.port)], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    let running = true;
    void exited.then(() => (running = false));
    while (running) {
      const answered = await fetch(`http://localhost:${instance.port}/api/health`).then(() => true, () => false);
      if (answered) {
        process.kill(-child.pid!, "SIGKILL");
        return { code: await exited, served: true, output };
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return { code: await exited, served: false, output };
  }

  test("refuses to start in production without NEXTAUTH_SECRET, or with a short one, and says why", async () => {
    const missing = await startUntilExit("");
    expect(missing).toMatchObject({ code: 1, served: false });
    expect(missing.output).toContain("Faktenprüfer cannot start: NEXTAUTH_SECRET is not set");
    const short = await startUntilExit("too-short");
    expect(short).toMatchObject({ code: 1, served: false });
    expect(short.output).toContain("NEXTAUTH_SECRET is only 9 characters long");
  });

  test("with an https NEXTAUTH_URL the session cookie is Secure and __Secure- prefixed", async () => {
    const running = await startInstances([{ ...instance, extraEnv: { NEXTAUTH_URL: `https://localhost:${instance.port}` } }]);
    try {
      const { csrfCookies, response } = await signInRequest(running.urls[0]);
      expect(response.status).toBe(200);
      const session = sessionCookie(response.headers.getSetCookie());
      expect(session).toMatch(/^__Secure-next-auth\.session-token=/);
      expect(session).toMatch(/; Secure/i);
      expect(session).toMatch(/; HttpOnly/i);
      expect(session).toMatch(/; SameSite=Lax/i);
      expect(csrfCookies.find((c) => c.startsWith("__Host-next-auth.csrf-token="))).toMatch(/; Secure/i);
    } finally {
      await running.stop();
    }
  });
});
