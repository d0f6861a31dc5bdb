/**
 * Role × action matrix: every role (anonymous, the author reviewer, a second reviewer, editor,
 * admin, a disabled user) against every mutating data-layer function and every staff-only read.
 * Denials must leave the database unchanged. Every exported data-layer function that takes an
 * `actor` must appear here, so adding an action without a row fails this test.
 */
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { migrateTestDatabase } from "./test-database";
import type { Actor } from "@/lib/server/actor";

const { db } = await import("@/lib/server/db");
const claims = await import("@/lib/server/claims");
const workflow = await import("@/lib/server/claim-workflow");
const comments = await import("@/lib/server/comments");
const reanchor = await import("@/lib/server/reanchor");
const articles = await import("@/lib/server/articles");
const articleText = await import("@/lib/server/article-text-update");
const importing = await import("@/lib/server/import");
const suggestions = await import("@/lib/server/suggestions");
const queue = await import("@/lib/server/queue");
const users = await import("@/lib/server/users");
const { actorFromSession } = await import("@/lib/server/actor");
const { seedDemoData, REFERENCE_ARTICLE_SLUG } = await import("@/prisma/seed");
const { AppError } = await import("@/lib/server/errors");
const { hashPassword } = await import("@/lib/server/passwords");

const ROLES = ["anonymous", "author", "reviewer2", "editor", "admin", "disabled"] as const;
type Role = (typeof ROLES)[number];
type Outcome = "ok" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND";

const actors = {} as Record<Role, Actor | null>;
const PASSWORDS: Partial<Record<Role, string>> = {
  author: "reviewer-demo-2026",
  reviewer2: "reviewer2-demo-2026",
  editor: "editor-demo-2026",
  admin: "admin-demo-2026",
};
let text = "";
let counter = 0;

const STAFF_ONLY: Record<Role, Outcome> = { anonymous: "UNAUTHENTICATED", author: "ok", reviewer2: "ok", editor: "ok", admin: "ok", disabled: "UNAUTHENTICATED" };
const AUTHOR_OR_EDITOR: Record<Role, Outcome> = { ...STAFF_ONLY, reviewer2: "FORBIDDEN" };
const NOT_AUTHOR: Record<Role, Outcome> = { ...STAFF_ONLY, author: "FORBIDDEN" };
const EDITORS: Record<Role, Outcome> = { ...STAFF_ONLY, author: "FORBIDDEN", reviewer2: "FORBIDDEN" };
const ADMINS: Record<Role, Outcome> = { ...EDITORS, editor: "FORBIDDEN" };
const HIDDEN_FROM_READERS: Record<Role, Outcome> = { ...STAFF_ONLY, anonymous: "NOT_FOUND", disabled: "NOT_FOUND" };

function quoteInput() {
  const quotes = ["Kurt Campbell", "Dmitri Peskow", "Guardian", "Economist", "Isolation vom Westen", "Spionagesatelliten", "Kim Hong-kyun", "Pjöngjang reisen"];
  const quote = quotes[counter++ % quotes.length];
  const start = text.indexOf(quote);
  return {
    articleSlug: REFERENCE_ARTICLE_SLUG,
    passage: { start, end: start + quote.length },
    claimText: `Aussage ${counter}`,
    claimant: "Redaktion",
    verdict: "TRUE",
    rationale: "Begründung.",
    sources: [{ url: "https://example.org/s", title: "Quelle", publisher: "Demo", stance: "SUPPORTS" }],
  };
}

const content = () => {
  const { articleSlug: _a, passage: _p, ...rest } = quoteInput();
  void _a;
  void _p;
  return rest;
};

/** A fresh claim by the author, taken through the given workflow steps. */
async function claimIn(stage: "draft" | "in-review" | "approved" | "published" | "changed") {
  let c = await claims.createClaim(actors.author, quoteInput());
  const step = async (who: Role, action: string) => (c = await workflow.transitionClaim(actors[who], { claimId: c.id, version: c.version, action, note: "" }));
  if (stage === "draft") return c;
  if (stage === "changed") {
    await db.claim.update({ where: { id: c.id }, data: { anchorStatus: "CHANGED" } });
    return c;
  }
  await step("author", "submit");
  if (stage === "in-review") return c;
  await step("reviewer2", "approve");
  if (stage === "approved") return c;
  return step("editor", "publish");
}

async function freshUser() {
  counter += 1;
  return db.user.create({ data: { email: `target${counter}@example.org`, name: `Target ${counter}`, role: "REVIEWER", passwordHash: "x" } });
}

interface Row {
  fn: string;
  label: string;
  expect: Record<Role, Outcome>;
  /** Prepares a fresh target (as the users allowed to), before the database is fingerprinted. */
  setup?: () => Promise<unknown>;
  /** The call under test, as the given role. */
  run: (actor: Actor | null, role: Role, target: never) => Promise<unknown>;
}

function row<T>(r: { fn: string; label: string; expect: Record<Role, Outcome>; setup: () => Promise<T>; run: (actor: Actor | null, role: Role, target: T) => Promise<unknown> }): Row {
  return r as unknown as Row;
}

const MUTATIONS: Row[] = [
  { fn: "createClaim", label: "create a claim", expect: STAFF_ONLY, run: (a) => claims.createClaim(a, quoteInput()) },
  row({ fn: "updateClaim", label: "edit someone's draft", expect: AUTHOR_OR_EDITOR, setup: () => claimIn("draft"), run: (a, _r, c) => claims.updateClaim(a, { ...content(), claimId: c.id, version: c.version }) }),
  row({ fn: "deleteClaim", label: "delete a draft", expect: AUTHOR_OR_EDITOR, setup: () => claimIn("draft"), run: (a, _r, c) => claims.deleteClaim(a, { claimId: c.id, version: c.version }) }),
  row({ fn: "transitionClaim", label: "submit a draft", expect: AUTHOR_OR_EDITOR, setup: () => claimIn("draft"), run: (a, _r, c) => workflow.transitionClaim(a, { claimId: c.id, version: c.version, action: "submit", note: "" }) }),
  row({ fn: "transitionClaim", label: "approve (four eyes)", expect: NOT_AUTHOR, setup: () => claimIn("in-review"), run: (a, _r, c) => workflow.transitionClaim(a, { claimId: c.id, version: c.version, action: "approve", note: "" }) }),
  row({ fn: "transitionClaim", label: "reject with a reason", expect: NOT_AUTHOR, setup: () => claimIn("in-review"), run: (a, _r, c) => workflow.transitionClaim(a, { claimId: c.id, version: c.version, action: "reject", note: "Quelle fehlt" }) }),
  row({ fn: "transitionClaim", label: "publish", expect: EDITORS, setup: () => claimIn("approved"), run: (a, _r, c) => workflow.transitionClaim(a, { claimId: c.id, version: c.version, action: "publish", note: "" }) }),
  row({ fn: "transitionClaim", label: "retract", expect: EDITORS, setup: () => claimIn("published"), run: (a, _r, c) => workflow.transitionClaim(a, { claimId: c.id, version: c.version, action: "retract", note: "Falsch zugeordnet" }) }),
  row({ fn: "assignClaim", label: "assign", expect: AUTHOR_OR_EDITOR, setup: () => claimIn("draft"), run: (a, _r, c) => workflow.assignClaim(a, { claimId: c.id, version: c.version, assigneeId: actors.reviewer2!.id }) }),
  row({ fn: "restoreRevision", label: "restore an earlier version", expect: EDITORS, setup: () => claimIn("draft"), run: (a, _r, c) => workflow.restoreRevision(a, { claimId: c.id, version: c.version, revision: 1 }) }),
  row({ fn: "addComment", label: "comment", expect: STAFF_ONLY, setup: () => claimIn("draft"), run: (a, _r, c) => comments.addComment(a, { claimId: c.id, body: "Hinweis" }) }),
  row({ fn: "confirmAnchor", label: "confirm a changed passage", expect: STAFF_ONLY, setup: () => claimIn("changed"), run: (a, _r, c) => reanchor.confirmAnchor(a, { claimId: c.id, version: c.version }) }),
  row({ fn: "reattachClaim", label: "re-attach to a passage", expect: AUTHOR_OR_EDITOR, setup: () => claimIn("changed"), run: (a, _r, c) => reanchor.reattachClaim(a, { claimId: c.id, version: c.version, passage: { start: text.indexOf("Nordkorea"), end: text.indexOf("Nordkorea") + 9 } }) }),
  { fn: "createArticle", label: "add an article", expect: STAFF_ONLY, run: (a) => articles.createArticle(a, { title: `Artikel ${++counter}`, sourceUrl: `https://example.org/a${counter}`, publisher: "P", language: "de", text: "Vorspann.\n\nText." }) },
  row({
    fn: "updateArticleText",
    label: "correct an article's text",
    expect: EDITORS,
    setup: () => articles.createArticle(actors.author, { title: `Korrektur ${++counter}`, sourceUrl: `https://example.org/k${counter}`, publisher: "P", language: "de", text: "Vorspann.\n\nText." }),
    run: (a, _r, { slug }) => articleText.updateArticleText(a, { slug, title: "Neu", text: "Vorspann.\n\nText, korrigiert.", blockKinds: ["lead", "paragraph"], note: "", expectedVersion: 1 }),
  }),
  row({
    fn: "reviseArticle",
    label: "store a re-import as a new revision",
    expect: EDITORS,
    setup: async () => {
      const sourceUrl = `https://example.org/r${++counter}`;
      const { slug } = await articles.createArticle(actors.author, { title: `Import ${counter}`, sourceUrl, publisher: "P", language: "de", text: "Vorspann.\n\nText." });
      return { slug, sourceUrl };
    },
    run: (a, _r, { slug, sourceUrl }) => importing.reviseArticle(a, { title: "Import", sourceUrl, publisher: "P", language: "de", text: "Vorspann.\n\nNeuer Text.", slug, expectedVersion: 1 }),
  }),
  { fn: "dismissSuggestion", label: "dismiss a suggestion", expect: STAFF_ONLY, run: (a) => suggestions.dismissSuggestion(a, { slug: REFERENCE_ARTICLE_SLUG, start: 0, end: 5, text: text.slice(0, 5) }) },
  { fn: "createUser", label: "create an account", expect: ADMINS, run: (a) => users.createUser(a, { name: "Neu", email: `new${++counter}@example.org`, role: "REVIEWER" }) },
  row({ fn: "setUserRole", label: "change a role", expect: ADMINS, setup: freshUser, run: (a, _r, u) => users.setUserRole(a, { userId: u.id, role: "EDITOR" }) }),
  row({ fn: "setUserDisabled", label: "disable an account", expect: ADMINS, setup: freshUser, run: (a, _r, u) => users.setUserDisabled(a, { userId: u.id, disabled: true }) }),
  row({ fn: "resetUserPassword", label: "reset a password", expect: ADMINS, setup: freshUser, run: (a, _r, u) => users.resetUserPassword(a, { userId: u.id }) }),
  { fn: "changeOwnPassword", label: "change one's own password", expect: STAFF_ONLY, run: async (a, role) => {
    const result = await users.changeOwnPassword(a, { currentPassword: PASSWORDS[role] ?? "x", newPassword: `Kanal-Fluss-Zebra-${role}-7` });
    PASSWORDS[role] = `Kanal-Fluss-Zebra-${role}-7`;
    return result;
  } },
  { fn: "signOutEverywhere", label: "sign out everywhere", expect: STAFF_ONLY, run: (a) => users.signOutEverywhere(a) },
];

const STAFF_READS: Row[] = [
  { fn: "getArticleForReview", label: "the review workspace", expect: STAFF_ONLY, run: (a) => articles.getArticleForReview(a, REFERENCE_ARTICLE_SLUG) },
  row({ fn: "getClaim", label: "a draft claim", expect: HIDDEN_FROM_READERS, setup: () => claimIn("draft"), run: (a, _r, c) => claims.getClaim(a, c.id) }),
  row({ fn: "getClaimHistory", label: "a claim's history", expect: HIDDEN_FROM_READERS, setup: () => claimIn("draft"), run: (a, _r, c) => workflow.getClaimHistory(a, c.id) }),
  row({ fn: "listComments", label: "a claim's discussion", expect: HIDDEN_FROM_READERS, setup: () => claimIn("draft"), run: (a, _r, c) => comments.listComments(a, c.id) }),
  { fn: "listAssignableStaff", label: "the staff list", expect: STAFF_ONLY, run: (a) => workflow.listAssignableStaff(a) },
  { fn: "getSuggestions", label: "claim suggestions", expect: STAFF_ONLY, run: (a) => suggestions.getSuggestions(a, REFERENCE_ARTICLE_SLUG) },
  { fn: "getMyQueue", label: "my queue", expect: STAFF_ONLY, run: (a) => queue.getMyQueue(a) },
  { fn: "listUsers", label: "the account list", expect: ADMINS, run: (a) => users.listUsers(a) },
  { fn: "extractFromHtml", label: "an HTML import preview", expect: STAFF_ONLY, run: (a) => importing.extractFromHtml(a, { html: `<html lang="de"><head><title>T</title></head><body><article><h1>T</h1>${"<p>Ein Absatz mit genug Text für einen Artikel, damit Readability ihn erkennt.</p>".repeat(8)}</article></body></html>` }) },
  { fn: "findArticleBySourceUrl", label: "the duplicate check", expect: STAFF_ONLY, run: (a) => importing.findArticleBySourceUrl(a, "https://example.org/politik/putin-kim-nordkorea") },
];

/** Staff-only, but reaching out to the network: only the refusals are checked here (tests/safe-fetch covers the rest). */
const REFUSED_ONLY: Row[] = [
  { fn: "extractFromUrl", label: "a URL import preview", expect: STAFF_ONLY, run: (a) => importing.extractFromUrl(a, { url: "http://127.0.0.1:9/" }) },
];

/** Public reads: anyone may call them (they return published data only; tested in data-layer.test.ts). */
const PUBLIC = ["listArticles", "getPublishedArticle", "findPublishedArticleByUrl", "listPublishedClaimReviews"];

async function databaseFingerprint(): Promise<string> {
  const tables = await Promise.all([
    db.claim.findMany({ orderBy: { id: "asc" } }),
    db.source.findMany({ orderBy: { id: "asc" } }),
    db.claimRevision.findMany({ orderBy: { id: "asc" } }),
    db.article.findMany({ orderBy: { id: "asc" } }),
    db.articleRevision.findMany({ orderBy: { id: "asc" } }),
    db.comment.findMany({ orderBy: { id: "asc" } }),
    db.correction.findMany({ orderBy: { id: "asc" } }),
    db.user.findMany({ orderBy: { id: "asc" }, omit: { passwordHash: false } }),
    db.suggestionDismissal.findMany({ orderBy: { id: "asc" } }),
  ]);
  return createHash("sha256").update(JSON.stringify(tables)).digest("hex");
}

async function outcomeOf(work: () => Promise<unknown>): Promise<Outcome | string> {
  try {
    await work();
    return "ok";
  } catch (error) {
    return error instanceof AppError ? error.code : `unexpected: ${String(error)}`;
  }
}

beforeAll(async () => {
  migrateTestDatabase();
  await seedDemoData();
  const byEmail = async (email: string) => {
    const u = await db.user.findUniqueOrThrow({ where: { email } });
    return actorFromSession(u.id, u.sessionVersion);
  };
  actors.anonymous = null;
  actors.author = await byEmail("reviewer@example.org");
  actors.reviewer2 = await byEmail("reviewer2@example.org");
  actors.editor = await byEmail("editor@example.org");
  actors.admin = await byEmail("admin@example.org");
  const disabled = await db.user.create({ data: { email: "disabled@example.org", name: "Disabled", role: "EDITOR", passwordHash: await hashPassword("disabled-2026"), disabledAt: new Date() } });
  // A disabled user's session resolves to no actor at all: the same as a reader.
  actors.disabled = await actorFromSession(disabled.id, disabled.sessionVersion);
  expect(actors.disabled).toBeNull();
  text = (await db.article.findUniqueOrThrow({ where: { slug: REFERENCE_ARTICLE_SLUG } })).text;
}, 60_000);

describe("role × action matrix", () => {
  for (const r of [...MUTATIONS, ...STAFF_READS, ...REFUSED_ONLY]) {
    it(`${r.fn}: ${r.label}`, async () => {
      for (const role of ROLES) {
        const expected = r.expect[role];
        if (REFUSED_ONLY.includes(r) && expected === "ok") continue;
        const target = (await r.setup?.()) as never;
        const before = expected === "ok" ? null : await databaseFingerprint();
        expect(await outcomeOf(() => r.run(actors[role], role, target)), `${r.fn} (${r.label}) as ${role}`).toBe(expected);
        if (before !== null) expect(await databaseFingerprint(), `${r.fn} (${r.label}) as ${role} changed the database`).toBe(before);
      }
    }, 60_000);
  }
});

describe("every data-layer action has a row", () => {
  it("covers each exported function that takes an actor", async () => {
    const folder = path.resolve(import.meta.dirname, "../lib/server");
    const covered = new Set([...MUTATIONS, ...STAFF_READS, ...REFUSED_ONLY].map((r) => r.fn).concat(PUBLIC));
    const missing: string[] = [];
    let found = 0;
    for (const file of readdirSync(folder).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
      const mod = (await import(path.join(folder, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value !== "function") continue;
        const params = /^(?:async\s+)?function\s*\w*\s*\(\s*(\w+)/.exec(value.toString())?.[1];
        if (params !== "actor") continue;
        found += 1;
        if (!covered.has(name) && !INTERNAL_ACTOR_HELPERS.has(name)) missing.push(`${file}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
    // The scan itself must see the actions, or this test could never fail.
    expect(found).toBeGreaterThanOrEqual(covered.size - PUBLIC.length);
  });
});

/** Functions that take an actor but are checks or helpers called by the actions above, not actions themselves. */
const INTERNAL_ACTOR_HELPERS = new Set([
  "requireStaff", "isStaff", "requireClaimEditor", "deny", "canEditClaim", "requireAdmin",
  "canReviseArticles", "requireArticleEditor", "applyClaimMutation", "mutateClaim", "recordCreation",
  "listArticles",
]);
