/**
 * Hostile input over HTTP and in the browser (the data layer's side: tests/hostile-input.test.ts).
 *
 * 1. Every field of every mutating API route (POST claims, PATCH and DELETE a claim, workflow
 *    transitions, comments — body fields, the If-Match header and the path's slug or id) gets the
 *    catalogue of tests/hostile/payloads.ts, plus raw invalid UTF-8 and wrong content types: the
 *    answer is 2xx or 4xx, never 5xx, and an error body carries no stack trace or internals.
 * 2. Accepted payloads of every category are stored through the API and the add-article form,
 *    published through the four-eyes workflow, and shown: the workspace to the editor, the reader
 *    page to an anonymous reader, every card opened. No payload may run (a `__pwned` hook and
 *    `alert` dialogs are recorded), no CSP violation may be reported, no link may lead anywhere
 *    but http(s). The listeners work with or without a CSP (see the canary).
 */
import { expect, test, type APIRequestContext, type APIResponse, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { ACCOUNTS, ARTICLE_SLUG, addArticle, publishThroughReview, readDb, signIn, versionFrom } from "./helpers";
import { EXTRA_FIELD_PAYLOADS, FIELD_PAYLOADS, isJsonValue, isWellFormed, type Payload, type PayloadCategory } from "../tests/hostile/payloads";
import { isStorableText } from "../lib/validation/fields";

const IN_FLIGHT = 8;
/** Claims the rendering test publishes, and the text fields each fills with payloads (claim text, claimant, rationale, source title, publisher, excerpt, comment). */
const RENDERED_CLAIMS = 30;
const TEXT_SLOTS = 7;
const JSON_PAYLOADS = FIELD_PAYLOADS.filter((p) => isJsonValue(p.value));

// —— sessions and records ——

async function signedInContext(browser: Browser, account: { email: string; password: string }): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  await signIn(page, account);
  await page.close();
  return context;
}

/** Non-overlapping passages of an article that no claim covers yet: one per claim a test creates. */
function freePassages(slug: string, count: number): { start: number; end: number }[] {
  const { id, text } = readDb((db) => db.prepare("SELECT id, text FROM Article WHERE slug = ?").get(slug) as { id: string; text: string });
  const taken = readDb((db) => db.prepare('SELECT start, "end" FROM Claim WHERE articleId = ?').all(id) as { start: number; end: number }[]);
  const passages: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/\p{L}{7,}/gu)) {
    const start = match.index;
    const end = start + match[0].length;
    if (taken.some((c) => c.start < end + 2 && c.end > start - 2) || passages.some((p) => p.end + 2 > start)) continue;
    passages.push({ start, end });
    if (passages.length === count) return passages;
  }
  throw new Error(`only ${passages.length} free passages for ${count} claims`);
}

const validSource = () => ({ url: "https://example.org/quelle", title: "Quelle", publisher: "Demo", publishedAt: "2024-06-01", excerpt: "Auszug", stance: "SUPPORTS" });
const validContent = () => ({ claimText: "Aussage", claimant: "Redaktion", verdict: "TRUE", rationale: "Begründung.", sources: [validSource()] });

interface ClaimRef {
  id: string;
  version: number;
}

async function createClaim(api: APIRequestContext, slug: string, passage: { start: number; end: number }, content: Record<string, unknown> = validContent()): Promise<ClaimRef> {
  const response = await api.post(`/api/v1/articles/${slug}/claims`, { data: { ...content, passage } });
  expect(response.status(), await response.text()).toBe(201);
  const claim = (await response.json()) as ClaimRef;
  return { id: claim.id, version: claim.version };
}

// —— the API ——

/** The claims one of the IN_FLIGHT request loops works on, so that versions never collide. */
interface Worker {
  patch: ClaimRef;
  transition: ClaimRef;
  remove: ClaimRef;
  comment: ClaimRef;
}

interface Route {
  name: string;
  method: "POST" | "PATCH" | "DELETE";
  /** The path for this worker, with `id` in place of the claim id or slug when given. */
  path: (worker: Worker, id?: string) => string;
  body?: (worker: Worker) => Record<string, unknown>;
  ifMatch?: (worker: Worker) => string;
  /** Body fields that get a payload together; a 422 naming some of them sends it again in the others. */
  fields: string[];
  /** Fields that contain others, and "" (the whole body): one at a time. */
  single: string[];
  /** The claim's state after a valid request (a transition moves it on). */
  status?: string;
  /** Nested objects extra fields are merged into, besides the top level. */
  nested?: string[];
  /** Bookkeeping after a 2xx: the claim's new version, or putting it back into its starting state. */
  accepted?: (worker: Worker, response: APIResponse, api: APIRequestContext) => Promise<void>;
}

const CONTENT_FIELDS = ["claimText", "claimant", "verdict", "rationale", "sources.0.url", "sources.0.title", "sources.0.publisher", "sources.0.publishedAt", "sources.0.excerpt", "sources.0.stance"];

/** The routes, on an article of the test's own, so that its hundreds of claims stay out of the other tests' way. */
const routes = (article: string, passage: { start: number; end: number }): Route[] => [
  {
    name: "POST claims",
    method: "POST",
    path: (_w, slug = article) => `/api/v1/articles/${slug}/claims`,
    body: () => ({ ...validContent(), passage: { ...passage } }),
    fields: [...CONTENT_FIELDS, "passage.start", "passage.end", "articleSlug"],
    single: ["", "sources", "sources.0", "passage"],
    nested: ["passage", "sources.0"],
  },
  {
    name: "PATCH claim",
    method: "PATCH",
    path: (w, id = w.patch.id) => `/api/v1/claims/${id}`,
    body: () => validContent(),
    ifMatch: (w) => `"v${w.patch.version}"`,
    fields: [...CONTENT_FIELDS, "claimId", "version"],
    single: ["", "sources", "sources.0"],
    nested: ["sources.0"],
    accepted: async (w, response) => {
      w.patch.version = versionFrom(response);
    },
  },
  {
    // Submit with the payload as note, then withdraw, so that the next request starts from a draft again.
    name: "POST transitions",
    method: "POST",
    path: (w, id = w.transition.id) => `/api/v1/claims/${id}/transitions`,
    body: () => ({ action: "submit", note: "Bitte prüfen" }),
    ifMatch: (w) => `"v${w.transition.version}"`,
    fields: ["note", "action", "claimId", "version"],
    single: [""],
    status: "IN_REVIEW",
    accepted: async (w, response, api) => {
      w.transition.version = versionFrom(response);
      if (((await response.json()) as { status: string }).status === "DRAFT") return;
      const back = await api.post(`/api/v1/claims/${w.transition.id}/transitions`, { data: { action: "withdraw" }, headers: { "If-Match": `"v${w.transition.version}"` } });
      expect(back.status()).toBe(200);
      w.transition.version = versionFrom(back);
    },
  },
  {
    name: "POST comments",
    method: "POST",
    path: (w, id = w.comment.id) => `/api/v1/claims/${id}/comments`,
    body: () => ({ body: "Hinweis" }),
    fields: ["body", "claimId"],
    single: [""],
  },
  {
    name: "DELETE claim",
    method: "DELETE",
    path: (w, id = w.remove.id) => `/api/v1/claims/${id}`,
    ifMatch: (w) => `"v${w.remove.version}"`,
    fields: [],
    single: [],
  },
];

function setPath(body: Record<string, unknown>, path: string, value: unknown): unknown {
  if (path === "") return value;
  const keys = path.split(".");
  let target = body;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys.at(-1)!] = value;
  return body;
}

const counts = { requests: 0, unsendable: 0, resets: 0, byStatus: {} as Record<number, number> };
/** Node's default --max-http-header-size. */
const NODE_MAX_HEADER_BYTES = 16 * 1024;
const problems: string[] = [];

/** Keys anywhere in a JSON value (a stack trace would come as `stack`). */
function keysOf(value: unknown): string[] {
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
}

/** Records a 5xx, or an error body without the API's shape or with a stack trace or internals. */
async function check(response: APIResponse, label: string) {
  counts.requests += 1;
  const status = response.status();
  counts.byStatus[status] = (counts.byStatus[status] ?? 0) + 1;
  if (status >= 500) {
    problems.push(`${label}: ${status} ${(await response.text()).slice(0, 200)}`);
    return;
  }
  if (status < 400) return;
  const text = await response.text();
  if (!(response.headers()["content-type"] ?? "").includes("json")) {
    // Next's router answers paths no route matches (404, 405) itself, with a page; Node refuses oversized headers (431) and URLs (414).
    if (![404, 405, 414, 431].includes(status)) problems.push(`${label}: ${status} without a JSON error body: ${text.slice(0, 120)}`);
    if (/\bat \S+ \(|node_modules/.test(text)) problems.push(`${label}: ${status} page shows a stack trace`);
    return;
  }
  const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
  if (typeof body.error?.code !== "string" || typeof body.error?.message !== "string") problems.push(`${label}: ${status} error body without code and message`);
  if (keysOf(body).includes("stack")) problems.push(`${label}: error body carries a stack`);
  // The message is ours; details may echo stored (hostile) text, so only the message is searched.
  if (/prisma|sqlite|postgres|node_modules|\bat \S+ \(|\.ts:\d+/i.test(String(body.error?.message))) problems.push(`${label}: error message leaks internals: ${String(body.error?.message)}`);
}

async function send(api: APIRequestContext, route: Route, worker: Worker, options: { id?: string; body?: unknown; ifMatch?: string }, label: string): Promise<APIResponse | null> {
  const headers: Record<string, string> = {};
  const ifMatch = options.ifMatch ?? route.ifMatch?.(worker);
  if (ifMatch !== undefined) headers["If-Match"] = ifMatch;
  const path = route.path(worker, options.id);
  let response: APIResponse;
  try {
    response = await api.fetch(path, { method: route.method, headers, ...(options.body === undefined ? {} : { data: options.body }) });
  } catch (error) {
    // Header values with control or non-Latin-1 characters: the client refuses to send them.
    if (/invalid.*(header|character)|header.*invalid/i.test(String(error))) {
      counts.unsendable += 1;
      return null;
    }
    // A request line or header beyond Node's limit: its HTTP parser may close the connection instead of answering 431.
    if (/ECONNRESET|EPIPE|socket hang up/.test(String(error)) && path.length + (ifMatch?.length ?? 0) > NODE_MAX_HEADER_BYTES) {
      counts.resets += 1;
      return null;
    }
    throw new Error(`${label}: ${String(error)}`);
  }
  await check(response, label);
  if (response.status() < 300) await route.accepted?.(worker, response, api);
  return response;
}

/** The payload in `fields` of a valid body; a 422 naming some of them sends it again in the others. */
async function probe(api: APIRequestContext, route: Route, worker: Worker, fields: string[], payload: Payload): Promise<void> {
  let body: unknown = route.body!(worker);
  for (const field of fields) body = setPath(body as Record<string, unknown>, field, payload.value);
  const response = await send(api, route, worker, { body }, `${route.name} ${fields.join("+") || "(body)"} ← ${payload.id}`);
  if (!response || response.status() !== 422 || fields.length < 2) return;
  const named = Object.keys(((await response.json()) as { error: { fields?: Record<string, string> } }).error.fields ?? {});
  const rest = fields.filter((f) => !named.some((n) => n === f || n.startsWith(`${f}.`)));
  if (rest.length === 0) return;
  if (rest.length < fields.length) return probe(api, route, worker, rest, payload);
  for (const field of rest) await probe(api, route, worker, [field], payload);
}

/** A path segment for a payload: percent-encoded, lone surrogates as the invalid UTF-8 bytes they would be. */
function pathSegment(value: unknown): string {
  const text = typeof value === "string" ? value : String(JSON.stringify(value) ?? value);
  return [...text].map((char) => (isWellFormed(char) ? encodeURIComponent(char) : "%ED%A0%80")).join("");
}

type Task = (api: APIRequestContext, worker: Worker) => Promise<unknown>;

/** Every request one payload makes on one route: each body field, the path's id, the If-Match header. */
function tasksFor(route: Route, payload: Payload): Task[] {
  const tasks: Task[] = [];
  if (route.body && route.fields.length > 0) tasks.push((api, w) => probe(api, route, w, route.fields, payload));
  for (const field of route.single) tasks.push((api, w) => probe(api, route, w, [field], payload));
  tasks.push((api, w) => send(api, route, w, { id: pathSegment(payload.value), body: route.body?.(w) }, `${route.name} path ← ${payload.id}`));
  if (route.ifMatch && typeof payload.value === "string") {
    tasks.push((api, w) => send(api, route, w, { ifMatch: payload.value as string, body: route.body?.(w) }, `${route.name} If-Match ← ${payload.id}`));
  }
  return tasks;
}

/** Extra fields merged into valid bodies (top level and nested): refused, or accepted without effect on the record. */
function extraFieldTasks(route: Route, payload: Payload & { value: Record<string, unknown> }): Task[] {
  return ["", ...(route.nested ?? [])].map((at) => async (api, worker) => {
    const body = route.body!(worker);
    const target = at === "" ? body : (at.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], body) as Record<string, unknown>);
    const merged = { ...target, ...payload.value };
    const versionBefore = worker.patch.version;
    const label = `${route.name} ${at || "(body)"} + ${payload.id} ${JSON.stringify(payload.value)}`;
    const response = await send(api, route, worker, { body: at === "" ? merged : setPath(body, at, merged) }, label);
    if (!response || response.status() >= 300) return;
    const claim = (await response.json()) as { id: string; status: string; version: number; publishedAt: unknown; assignee: unknown; anchorStatus: string };
    if (claim.id === "intruder-id" || claim.status !== (route.status ?? "DRAFT") || claim.publishedAt !== null || claim.assignee !== null || claim.anchorStatus !== "ANCHORED") {
      problems.push(`${label}: changed the record: ${JSON.stringify(claim).slice(0, 200)}`);
    }
    if (route.method === "PATCH" && claim.version !== versionBefore + 1) problems.push(`${label}: version ${claim.version} after ${versionBefore}`);
  });
}

/** Runs the tasks IN_FLIGHT at a time, one loop per worker. */
async function runPool(api: APIRequestContext, workers: Worker[], tasks: Task[]) {
  let next = 0;
  await Promise.all(
    workers.map(async (worker) => {
      while (next < tasks.length) await tasks[next++](api, worker);
    }),
  );
}

/** Bodies no JSON client would send, made from a valid one: invalid UTF-8 in its first text, other content types, other shapes. */
function rawBodies(body: Record<string, unknown>): { label: string; body: Buffer | string; contentType?: string }[] {
  const valid = JSON.stringify(body);
  const at = valid.indexOf(':"') + 2;
  const withBytes = (bytes: number[]) => Buffer.concat([Buffer.from(valid.slice(0, at)), Buffer.from(bytes), Buffer.from(valid.slice(at))]);
  return [
    { label: "invalid UTF-8 (0xff 0xfe)", body: withBytes([0xff, 0xfe, 0x41]), contentType: "application/json" },
    { label: "invalid UTF-8 (truncated sequence)", body: withBytes([0x41, 0xc3, 0x28, 0xe2, 0x82]), contentType: "application/json" },
    { label: "invalid UTF-8 (encoded surrogate)", body: withBytes([0xed, 0xa0, 0x80, 0xed, 0xbf, 0xbf]), contentType: "application/json" },
    { label: "invalid UTF-8 (overlong '<script>')", body: withBytes([0xc0, 0xbc, 0x73, 0x63, 0x72, 0x69, 0x70, 0x74, 0xc0, 0xbe]), contentType: "application/json" },
    { label: "invalid UTF-8 (NUL and 0xf8)", body: withBytes([0x00, 0xf8, 0x88, 0x80, 0x80, 0x80]), contentType: "application/json" },
    { label: "UTF-16 body", body: Buffer.from(`\ufeff${valid}`, "utf16le"), contentType: "application/json; charset=utf-16" },
    { label: "byte order mark", body: `\ufeff${valid}`, contentType: "application/json" },
    { label: "text/plain", body: valid, contentType: "text/plain" },
    { label: "form-urlencoded", body: "claimText=%3Cscript%3E&verdict=TRUE", contentType: "application/x-www-form-urlencoded" },
    { label: "multipart", body: '--x\r\nContent-Disposition: form-data; name="claimText"\r\n\r\n<script>\r\n--x--\r\n', contentType: "multipart/form-data; boundary=x" },
    { label: "XML", body: "<claim><claimText>x</claimText></claim>", contentType: "application/xml" },
    { label: "no content type", body: valid },
    { label: "empty body", body: "", contentType: "application/json" },
    { label: "truncated JSON", body: valid.slice(0, 40), contentType: "application/json" },
    { label: "JSON null", body: "null", contentType: "application/json" },
    { label: "JSON string", body: '"<script>__pwned(1)</script>"', contentType: "application/json" },
    { label: "JSON number", body: "1e999", contentType: "application/json" },
    { label: "duplicate keys", body: valid.replace("{", `{${JSON.stringify(Object.keys(body)[0])}:1,`), contentType: "application/json" },
    { label: "deeply nested", body: `${"[".repeat(100_000)}${"]".repeat(100_000)}`, contentType: "application/json" },
    { label: "larger than the limit", body: JSON.stringify({ claimText: "x".repeat(300 * 1024) }), contentType: "application/json" },
  ];
}

test("every mutating API route answers hostile input with 2xx or 4xx, never 5xx, and errors without internals", async ({ browser }) => {
  test.setTimeout(900_000);
  const editor = await signedInContext(browser, ACCOUNTS.editor);
  const api = editor.request;
  const sentences = Array.from({ length: 60 }, (_, i) => `Satz Nummer ${i} nennt Zahlen, Namen und Behauptungen.`);
  const slug = await addArticle(editor, { title: "Feindliche Eingaben", sourceUrl: "https://example.org/feindlich", publisher: "Test", text: sentences.join("\n\n") });
  const passages = freePassages(slug, IN_FLIGHT * 4 + 1);
  const workers: Worker[] = [];
  for (let i = 0; i < IN_FLIGHT; i++) {
    const [patch, transition, remove, comment] = await Promise.all(passages.slice(i * 4, i * 4 + 4).map((p) => createClaim(api, slug, p)));
    workers.push({ patch, transition, remove, comment });
  }
  const ROUTES = routes(slug, passages.at(-1)!);

  const started = Date.now();
  const tasks = ROUTES.flatMap((route) => [
    ...JSON_PAYLOADS.flatMap((payload) => tasksFor(route, payload)),
    ...(route.body ? EXTRA_FIELD_PAYLOADS.flatMap((payload) => extraFieldTasks(route, payload)) : []),
  ]);
  await runPool(api, workers, tasks);

  for (const route of ROUTES.filter((r) => r.body)) {
    const worker = workers[0];
    for (const raw of rawBodies(route.body!(worker))) {
      const headers: Record<string, string> = { ...(raw.contentType ? { "Content-Type": raw.contentType } : {}), ...(route.ifMatch ? { "If-Match": route.ifMatch(worker) } : {}) };
      const response = await api.fetch(route.path(worker), { method: route.method, headers, data: raw.body });
      await check(response, `${route.name} raw body: ${raw.label}`);
      if (response.status() < 300) await route.accepted?.(worker, response, api);
    }
  }
  console.info(
    `hostile API: ${JSON_PAYLOADS.length} field payloads + ${EXTRA_FIELD_PAYLOADS.length} extra-field payloads on ${ROUTES.length} routes, ${counts.requests} requests ` +
      `(${counts.unsendable} not sendable by the client, ${counts.resets} oversized ones closed by Node's parser) in ${Math.round((Date.now() - started) / 1000)} s, by status ${JSON.stringify(counts.byStatus)}`,
  );
  expect(problems).toEqual([]);
  // The routes were reached, not refused wholesale: stored and refused answers both occurred.
  expect(counts.byStatus[201]).toBeGreaterThan(JSON_PAYLOADS.length / 2);
  expect(counts.byStatus[422]).toBeGreaterThan(JSON_PAYLOADS.length);
  await editor.close();
});

// —— rendering ——

/** Records payloads that ran (`__pwned`, dialogs) and CSP violations (events and console reports) on every page of the context. */
async function watch(context: BrowserContext): Promise<string[]> {
  const events: string[] = [];
  await context.exposeBinding("__hostileReport", ({ page }, kind: string, detail: string) => void events.push(`${kind} ${detail} on ${page?.url()}`));
  await context.addInitScript(() => {
    const report = (window as unknown as { __hostileReport: (kind: string, detail: string) => void }).__hostileReport;
    (window as unknown as { __pwned: (id: unknown) => void }).__pwned = (id) => report("pwned", String(id));
    document.addEventListener("securitypolicyviolation", (event) => report("csp", `${event.violatedDirective} ${event.blockedURI} ${event.sample}`));
  });
  const follow = (page: Page) => {
    page.on("dialog", (dialog) => {
      events.push(`dialog ${dialog.type()} ${dialog.message()} on ${page.url()}`);
      void dialog.dismiss().catch(() => {});
    });
    page.on("console", (message) => {
      if (/content.security.policy/i.test(message.text())) events.push(`csp-console ${message.text()} on ${page.url()}`);
    });
  };
  context.pages().forEach(follow);
  context.on("page", follow);
  return events;
}

/** Every link goes to an http(s) address, no element has an inline handler, and no frame, object or base element exists. */
async function expectInertMarkup(page: Page) {
  const found = await page.evaluate(() => {
    const problems: string[] = [];
    for (const element of document.querySelectorAll("*")) {
      for (const attribute of element.attributes) if (/^on/i.test(attribute.name)) problems.push(`${element.tagName} ${attribute.name}`);
    }
    for (const link of document.querySelectorAll<HTMLAnchorElement | HTMLAreaElement>("a[href], area[href]")) {
      if (!["http:", "https:"].includes(new URL(link.href, document.baseURI).protocol)) problems.push(`link to ${link.getAttribute("href")}`);
    }
    for (const selector of ["iframe", "object", "embed", "base", "meta[http-equiv]", "svg script", "math"]) {
      if (document.querySelector(selector)) problems.push(`a ${selector} element`);
    }
    return problems;
  });
  expect(found, page.url()).toEqual([]);
}

/** Payloads every text field accepts (storable, not blank, within the shortest limit): the executable categories all, at most 3 of each other. */
function renderable(): Payload[] {
  const executable: PayloadCategory[] = ["html", "template", "js-context", "json-ld", "css"];
  const perCategory = new Map<PayloadCategory, number>();
  return FIELD_PAYLOADS.filter((p) => {
    if (typeof p.value !== "string" || !isStorableText(p.value) || p.value.trim() === "" || p.value.trim().length > 200) return false;
    const taken = perCategory.get(p.category) ?? 0;
    if (!executable.includes(p.category) && taken >= 3) return false;
    perCategory.set(p.category, taken + 1);
    return true;
  });
}

test("stored payloads render inert: the workspace for the editor, the reader page and its cards for readers", async ({ browser }) => {
  test.setTimeout(600_000);
  const payloads = renderable();
  const categories = new Set(payloads.map((p) => p.category));
  expect(payloads.length).toBeGreaterThanOrEqual(40);
  expect([...categories].sort()).toEqual([...new Set(FIELD_PAYLOADS.filter((p) => typeof p.value === "string").map((p) => p.category))].sort());

  const editor = await signedInContext(browser, ACCOUNTS.editor);
  const reviewer = await signedInContext(browser, ACCOUNTS.reviewer);
  const reader = await browser.newContext({ locale: "de-DE" });
  const [editorEvents, readerEvents] = await Promise.all([watch(editor), watch(reader)]);

  // The listeners can fail the test: an injected handler either runs (no CSP) or is reported as blocked (CSP), and a dialog is seen.
  const canary = await editor.newPage();
  await canary.goto("/");
  await canary.evaluate(() => document.body.insertAdjacentHTML("beforeend", `<img src="/no-such-image.png" onerror="__pwned('canary')">`));
  await expect.poll(() => editorEvents.some((e) => e.startsWith("pwned canary") || e.startsWith("csp"))).toBe(true);
  await canary.evaluate(() => setTimeout(() => alert("canary")));
  await expect.poll(() => editorEvents.some((e) => e.startsWith("dialog alert canary"))).toBe(true);
  await canary.close();
  editorEvents.length = 0;

  // The payloads take turns in the text fields of CLAIMS claims and their comments, so that each lands in two
  // fields or more; a source link is a payload only when it is an http(s) address.
  expect(RENDERED_CLAIMS * TEXT_SLOTS).toBeGreaterThanOrEqual(payloads.length);
  // A copy of the reference article, so that these claims do not change what later specs see on it.
  const referenceText = readDb((db) => (db.prepare("SELECT text FROM Article WHERE slug = ?").get(ARTICLE_SLUG) as { text: string }).text);
  const articleSlug = await addArticle(editor, { title: "Feindliche Eingaben im Lesetext", sourceUrl: "https://example.org/feindlich-gelesen", publisher: "Test", text: referenceText });
  const passages = freePassages(articleSlug, RENDERED_CLAIMS);
  const slot = (claim: number, field: number) => payloads[(claim * TEXT_SLOTS + field) % payloads.length];
  const claims: { id: string; claimText: string }[] = [];
  for (const [i, passage] of passages.entries()) {
    const [claimText, claimant, rationale, title, publisher, excerpt, comment] = Array.from({ length: TEXT_SLOTS }, (_, field) => slot(i, field).value as string);
    const link = payloads.filter((p) => p.category === "url-http")[i % 3];
    const content = { claimText, claimant, verdict: "MISLEADING", rationale, sources: [{ url: link.value, title, publisher, excerpt, publishedAt: "", stance: "REFUTES" }] };
    const created = await createClaim(editor.request, articleSlug, passage, content);
    expect((await editor.request.post(`/api/v1/claims/${created.id}/comments`, { data: { body: comment } })).status()).toBe(201);
    claims.push({ id: created.id, claimText });
  }
  // The link validator keeps javascript:, data:, vbscript: and their disguises out of every source.
  for (const payload of FIELD_PAYLOADS.filter((p) => p.category === "url-scheme" && typeof p.value === "string" && /script|data/i.test(p.value))) {
    const response = await editor.request.post(`/api/v1/articles/${articleSlug}/claims`, { data: { ...validContent(), passage: passages[0], sources: [{ ...validSource(), url: payload.value }] } });
    expect(response.status(), `${payload.id} ${JSON.stringify(payload.value)}`).toBe(422);
  }

  for (const claim of claims) await publishThroughReview(claim.id, editor, reviewer);

  // Article titles, publishers and addresses through the add-article form.
  const titled = (["html", "json-ld", "js-context", "bidi", "zero-width", "homoglyph"] as const).map((category) => payloads.find((p) => p.category === category)!);
  const slugs: string[] = [];
  for (const payload of titled) {
    const text = payload.value as string;
    slugs.push(await addArticle(editor, { title: text, sourceUrl: `https://example.org/<script>__pwned('${payload.id}')</script>?${payload.id}`, publisher: text, text: `Vorspann ${payload.id}.\n\n${text}` }));
  }

  // The editor's views: home, queue, the new articles' workspaces, and the copy's workspace with every claim's details.
  const desk = await editor.newPage();
  for (const path of ["/", "/queue", ...slugs.map((s) => `/review/${s}`)]) {
    await desk.goto(path);
    await expectInertMarkup(desk);
  }
  await desk.goto(`/review/${articleSlug}`);
  for (const claim of claims) {
    const item = desk.locator(`[data-item="${claim.id}"]`);
    await item.locator("button").first().click();
    await expect(item.getByTestId("claim-detail")).toBeVisible();
    await expect(item.getByTestId("history").locator("li").first()).toBeVisible();
    await item.getByRole("tab").nth(1).click();
    await expect(item.getByTestId("comments").locator("li")).toHaveCount(1);
  }
  await expectInertMarkup(desk);

  // The reader's views: home, the new articles, and the copy with every card opened.
  const page = await reader.newPage();
  for (const path of ["/", ...slugs.map((s) => `/articles/${s}`)]) {
    await page.goto(path);
    await expectInertMarkup(page);
  }
  await page.goto(`/articles/${articleSlug}`);
  for (const claim of claims) {
    await page.locator(`mark[data-claim-id="${claim.id}"]`).first().click();
    const card = page.getByTestId("claim-card");
    await expect(card.locator(`[id="card-title-${claim.id}"]`)).toBeVisible();
    await expectInertMarkup(page);
    await card.locator("[data-card-close]").click();
  }
  // The JSON-LD block holds the payloads verbatim: nothing closed its script element early.
  const jsonLd = JSON.parse((await page.getByTestId("claim-review-jsonld").textContent())!) as { claimReviewed: string }[];
  for (const claim of claims) expect(jsonLd.map((r) => r.claimReviewed)).toContain(claim.claimText.trim());

  console.info(`hostile rendering: ${payloads.length} payloads in ${categories.size} categories, in ${claims.length} published claims and their comments, ${slugs.length} article titles`);
  expect([...editorEvents, ...readerEvents]).toEqual([]);
  for (const context of [editor, reviewer, reader]) await context.close();
});
