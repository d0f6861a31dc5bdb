/**
 * Bad input gets a clear error, and nothing is written: in the workspace and through the API.
 * Each API case asserts the status, a JSON error body, and that the Claim and Source tables are unchanged.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ACCOUNTS, ARTICLE_SLUG, claimRowCount, selectWithMouse, signIn, sourceRowCount } from "./helpers";

const validClaim = {
  passage: { start: 0, end: 5 },
  claimText: "Putin sucht neue Verbündete.",
  claimant: "Redaktion",
  verdict: "TRUE",
  rationale: "Belegt.",
  sources: [{ url: "https://example.org/a", title: "Quelle", publisher: "Demo", stance: "SUPPORTS" }],
};

async function expectRefused(request: APIRequestContext, url: string, body: unknown, status: number, code: string) {
  const claims = claimRowCount();
  const sources = sourceRowCount();
  const response = await request.post(url, { data: body });
  expect(response.status(), JSON.stringify(body).slice(0, 120)).toBe(status);
  const json = await response.json();
  expect(json.error.code).toBe(code);
  expect(typeof json.error.message).toBe("string");
  expect(JSON.stringify(json)).not.toMatch(/prisma|sqlite|stack|at \w+ \(/i);
  expect(claimRowCount()).toBe(claims);
  expect(sourceRowCount()).toBe(sources);
  return json;
}

test("the API refuses writes without a session, and bad claims from a reviewer", async ({ page, request }) => {
  const url = `/api/v1/articles/${ARTICLE_SLUG}/claims`;
  await expectRefused(request, url, validClaim, 401, "UNAUTHENTICATED");

  await signIn(page, ACCOUNTS.reviewer);
  const api = page.request;
  const cases: [string, unknown, number, string][] = [
    ["javascript: source", { ...validClaim, sources: [{ ...validClaim.sources[0], url: "javascript:alert(1)" }] }, 422, "VALIDATION"],
    ["data: source", { ...validClaim, sources: [{ ...validClaim.sources[0], url: "data:text/html,<script>alert(1)</script>" }] }, 422, "VALIDATION"],
    ["no sources", { ...validClaim, sources: [] }, 422, "VALIDATION"],
    ["missing verdict", { ...validClaim, verdict: undefined }, 422, "VALIDATION"],
    ["unknown verdict", { ...validClaim, verdict: "PANTS_ON_FIRE" }, 422, "VALIDATION"],
    ["blank claimant", { ...validClaim, claimant: "   " }, 422, "VALIDATION"],
    ["over-long rationale", { ...validClaim, rationale: "x".repeat(10_001) }, 422, "VALIDATION"],
    ["empty selection", { ...validClaim, passage: { start: 5, end: 5 } }, 422, "VALIDATION"],
    ["whitespace-only selection", { ...validClaim, passage: { start: 5, end: 6 } }, 422, "VALIDATION"],
    ["selection outside the article", { ...validClaim, passage: { start: 10, end: 999_999 } }, 422, "VALIDATION"],
    ["negative offset", { ...validClaim, passage: { start: -1, end: 5 } }, 422, "VALIDATION"],
    ["extra field authorId", { ...validClaim, authorId: "someone-else" }, 422, "VALIDATION"],
    ["extra field status", { ...validClaim, status: "PUBLISHED" }, 422, "VALIDATION"],
    ["not an object", [1, 2], 422, "VALIDATION"],
  ];
  for (const [name, body, status, code] of cases) {
    await test.step(name, () => expectRefused(api, url, body, status, code));
  }
  const json = await expectRefused(api, url, { ...validClaim, sources: [{ ...validClaim.sources[0], url: "javascript:alert(1)" }] }, 422, "VALIDATION");
  expect(json.error.fields["sources.0.url"]).toBe("invalid_url");

  await expectRefused(api, `/api/v1/articles/no-such-article/claims`, validClaim, 404, "NOT_FOUND");
  const malformed = await api.post(url, { headers: { "Content-Type": "application/json" }, data: Buffer.from("{not json") });
  expect(malformed.status()).toBe(400);

  // The same valid claim is accepted, so the refusals above were about the input, not the route.
  const ok = await api.post(url, { data: validClaim });
  expect(ok.status()).toBe(201);
  expect(ok.headers()["etag"]).toBe('"v1"');
});

test("a reviewer cannot edit or delete someone else's claim; concurrent edits need If-Match", async ({ page }) => {
  await signIn(page, ACCOUNTS.reviewer);
  const created = await page.request.post(`/api/v1/articles/${ARTICLE_SLUG}/claims`, {
    data: { ...validClaim, passage: { start: 6, end: 11 } },
  });
  expect(created.status()).toBe(201);
  const claim = await created.json();

  // The draft is invisible to anonymous readers: the same 404 as a claim that does not exist.
  const anonymous = await page.context().browser()!.newContext();
  expect((await anonymous.request.get(`/api/v1/claims/${claim.id}`)).status()).toBe(404);
  expect((await anonymous.request.get(`/api/v1/claims/does-not-exist`)).status()).toBe(404);
  const anonymousPatch = await anonymous.request.patch(`/api/v1/claims/${claim.id}`, { data: validClaim, headers: { "If-Match": '"v1"' } });
  expect(anonymousPatch.status()).toBe(401);
  await anonymous.close();

  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page.getByRole("link", { name: "Anmelden" })).toBeVisible();
  await signIn(page, ACCOUNTS.reviewer2);
  const { passage: _passage, ...content } = validClaim;
  void _passage;
  const before = claimRowCount();
  const patch = await page.request.patch(`/api/v1/claims/${claim.id}`, { data: { ...content, claimant: "Ben" }, headers: { "If-Match": '"v1"' } });
  expect(patch.status()).toBe(403);
  const del = await page.request.delete(`/api/v1/claims/${claim.id}`, { headers: { "If-Match": '"v1"' } });
  expect(del.status()).toBe(403);
  expect(claimRowCount()).toBe(before);

  // In the workspace, reviewer 2 sees no edit or delete button on reviewer 1's claims.
  await page.goto(`/review/${ARTICLE_SLUG}`);
  const item = page.getByTestId("claim-list").locator(":scope > li", { hasText: "10.000 Schiffscontainer" });
  await item.getByRole("button").first().click();
  await expect(item.getByTestId("claim-detail")).toBeVisible();
  await expect(item.getByRole("button", { name: "Bearbeiten" })).toHaveCount(0);
  await expect(item.getByRole("button", { name: "Löschen" })).toHaveCount(0);

  // The author: without If-Match 428, with a stale one 412, with the current one 200.
  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page.getByRole("link", { name: "Anmelden" })).toBeVisible();
  await signIn(page, ACCOUNTS.reviewer);
  expect((await page.request.patch(`/api/v1/claims/${claim.id}`, { data: content })).status()).toBe(428);
  expect((await page.request.patch(`/api/v1/claims/${claim.id}`, { data: content, headers: { "If-Match": '"v7"' } })).status()).toBe(412);
  const updated = await page.request.patch(`/api/v1/claims/${claim.id}`, { data: { ...content, claimant: "Neu" }, headers: { "If-Match": '"v1"' } });
  expect(updated.status()).toBe(200);
  expect(updated.headers()["etag"]).toBe('"v2"');
});

test("the workspace shows clear errors for bad input and saves nothing", async ({ page }) => {
  await signIn(page, ACCOUNTS.reviewer2);
  await page.goto(`/review/${ARTICLE_SLUG}`);
  const before = claimRowCount();

  await selectWithMouse(page, '[data-testid="workspace-article"]', "Kurt Campbell");
  await page.getByTestId("add-claim").click();
  const form = page.getByTestId("claim-form");
  await form.getByLabel("Geprüfte Aussage").fill("");
  await form.getByTestId("source-0").getByLabel("Link").fill("javascript:alert(document.cookie)");
  await form.getByRole("button", { name: "Aussage speichern" }).click();
  await expect(form.getByTestId("form-message")).toHaveText("Bitte korrigieren Sie die markierten Felder.");
  await expect(form.getByTestId("error-claimText")).toHaveText("Dieses Feld ist erforderlich.");
  await expect(form.getByTestId("error-claimant")).toHaveText("Dieses Feld ist erforderlich.");
  await expect(form.getByTestId("error-verdict")).toHaveText("Wählen Sie eine der Möglichkeiten.");
  await expect(form.getByTestId("error-sources.0.url")).toHaveText("Geben Sie einen Link ein, der mit http:// oder https:// beginnt.");
  // The input stays as typed.
  await expect(form.getByTestId("source-0").getByLabel("Link")).toHaveValue("javascript:alert(document.cookie)");
  expect(claimRowCount()).toBe(before);
  await form.getByRole("button", { name: "Abbrechen" }).click();

  // A selection that starts outside the article text is refused with a message.
  const title = page.getByTestId("workspace-article").locator("h1");
  await title.scrollIntoViewIfNeeded();
  const box = (await title.boundingBox())!;
  // The middle of the title's first line: between two lines Chromium only moves the caret.
  const firstLine = await title.evaluate((h1) => {
    const range = document.createRange();
    range.selectNodeContents(h1);
    const line = range.getClientRects()[0];
    return { x: line.left + 2, y: line.top + line.height / 2 };
  });
  await page.mouse.move(firstLine.x, firstLine.y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height + 60, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByTestId("selection-problem")).toHaveText("Markieren Sie Text innerhalb des Artikels.");
  await expect(page.getByTestId("add-claim")).toHaveCount(0);
});

test("readers cannot reach the workspace or the add-article page", async ({ page }) => {
  await page.goto(`/review/${ARTICLE_SLUG}`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Freview%2Fputin-kim-nordkorea/);
  await page.goto(`/articles/new`);
  await expect(page).toHaveURL(/\/signin/);
  await page.goto(`/articles/does-not-exist`);
  await expect(page.getByRole("heading", { name: "Nicht gefunden" })).toBeVisible();
});
