/**
 * The data access layer against a real SQLite database: authorization, validation, selectors,
 * optimistic concurrency and soft deletes — and that a refused write leaves the database unchanged.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { migrateTestDatabase } from "./test-database";
import { expectRefusedWith } from "./refusals";
import { actorByEmail } from "./actors";
import type { Actor } from "@/lib/server/actor";

const { db } = await import("@/lib/server/db");
const claims = await import("@/lib/server/claims");
const articles = await import("@/lib/server/articles");
const { actorFromSession } = await import("@/lib/server/actor");
const { seedDemoData, REFERENCE_ARTICLE_SLUG } = await import("@/prisma/seed");
const { AppError } = await import("@/lib/server/errors");

let reviewer: Actor;
let reviewer2: Actor;
let editor: Actor;
let articleText: string;


async function snapshot() {
  return { claims: await db.claim.findMany({ orderBy: { id: "asc" } }), sources: await db.source.count(), articles: await db.article.count() };
}

/** Asserts that `work` fails with `code` and that no row changed. */
const expectRefused = (work: () => Promise<unknown>, code: string) => expectRefusedWith(snapshot, work, code);

function claimInput(quote: string, extra: Record<string, unknown> = {}) {
  const start = articleText.indexOf(quote);
  return {
    articleSlug: REFERENCE_ARTICLE_SLUG,
    passage: { start, end: start + quote.length },
    claimText: quote,
    claimant: "Shin Won-sik",
    verdict: "FALSE",
    rationale: "Begründung.",
    sources: [
      { url: "https://example.org/1", title: "Eins", publisher: "A", stance: "REFUTES" },
      { url: "https://example.org/2", title: "Zwei", publisher: "B", publishedAt: "2024-06-01", stance: "CONTEXT" },
    ],
    ...extra,
  };
}

beforeAll(async () => {
  migrateTestDatabase();
  expect(await seedDemoData()).toBe(true);
  reviewer = await actorByEmail("reviewer@example.org");
  reviewer2 = await actorByEmail("reviewer2@example.org");
  editor = await actorByEmail("editor@example.org");
  articleText = (await db.article.findUniqueOrThrow({ where: { slug: REFERENCE_ARTICLE_SLUG } })).text;
}, 60_000);

describe("demo data", () => {
  it("is seeded once, with four accounts and readable claims", async () => {
    expect(await seedDemoData()).toBe(false);
    expect(await db.user.count()).toBe(4);
    const reader = await articles.getPublishedArticle(REFERENCE_ARTICLE_SLUG);
    expect(reader!.claims.map((c) => c.exact)).toEqual([
      "mehr als 10.000 Schiffscontainer",
      "das erste Mal seit dem Jahr 2000",
      expect.stringMatching(/^Seit der iranischen Revolution von 1979/),
    ]);
  });
});

describe("createClaim", () => {
  it("stores W3C selectors for the passage and the sources in order", async () => {
    const claim = await claims.createClaim(reviewer, claimInput("4,8 Millionen Artilleriegeschosse"));
    expect(claim.exact).toBe("4,8 Millionen Artilleriegeschosse");
    expect(claim.prefix).toBe(articleText.slice(claim.start - 32, claim.start));
    expect(claim.prefix.endsWith("wohl an die ")).toBe(true);
    expect(claim.suffix).toBe(articleText.slice(claim.end, claim.end + 32));
    expect(articleText.slice(claim.start, claim.end)).toBe(claim.exact);
    expect(claim.sources.map((s) => s.title)).toEqual(["Eins", "Zwei"]);
    expect(claim.sources[1].publishedAt?.toISOString()).toBe("2024-06-01T00:00:00.000Z");
    expect(claim.status).toBe("DRAFT");
    expect(claim.version).toBe(1);
    expect(await db.claimRevision.count({ where: { claimId: claim.id } })).toBe(1);
  });

  it("trims whitespace at the edges of a selection", async () => {
    const quote = "Vizeaußenminister";
    const start = articleText.indexOf(quote);
    const claim = await claims.createClaim(reviewer, { ...claimInput(quote), passage: { start: start - 1, end: start + quote.length + 1 } });
    expect(claim.exact).toBe("Vizeaußenminister");
  });

  it("refuses readers, bad input and unknown articles without writing anything", async () => {
    await expectRefused(() => claims.createClaim(null, claimInput("Kurt Campbell")), "UNAUTHENTICATED");
    await expectRefused(() => claims.createClaim(reviewer, claimInput("Kurt Campbell", { articleSlug: "nope" })), "NOT_FOUND");
    const e = await expectRefused(
      () => claims.createClaim(reviewer, claimInput("Kurt Campbell", { sources: [{ url: "javascript:alert(1)", title: "x", publisher: "y", stance: "SUPPORTS" }] })),
      "VALIDATION",
    );
    expect(e.fields).toEqual({ "sources.0.url": "invalid_url" });
    await expectRefused(() => claims.createClaim(reviewer, { ...claimInput("Kurt Campbell"), passage: { start: 10, end: articleText.length + 1 } }), "VALIDATION");
    const gap = articleText.indexOf("\n\n");
    await expectRefused(() => claims.createClaim(reviewer, { ...claimInput("Kurt Campbell"), passage: { start: gap, end: gap + 2 } }), "VALIDATION");
    await expectRefused(() => claims.createClaim(reviewer, claimInput("Kurt Campbell", { rationale: "x".repeat(10_001) })), "VALIDATION");
    await expectRefused(() => claims.createClaim(reviewer, claimInput("Kurt Campbell", { authorId: editor.id })), "VALIDATION");
  });
});

describe("updateClaim and deleteClaim", () => {
  it("let the author and editors edit, nobody else", async () => {
    const claim = await claims.createClaim(reviewer, claimInput("Dmitri Peskow"));
    const { articleSlug: _, passage: __, ...content } = claimInput("Dmitri Peskow");
    void _;
    void __;
    await expectRefused(() => claims.updateClaim(reviewer2, { ...content, claimId: claim.id, version: 1 }), "FORBIDDEN");
    await expectRefused(() => claims.updateClaim(null, { ...content, claimId: claim.id, version: 1 }), "UNAUTHENTICATED");
    await expectRefused(() => claims.deleteClaim(reviewer2, { claimId: claim.id, version: 1 }), "FORBIDDEN");
    const byEditor = await claims.updateClaim(editor, { ...content, claimant: "Kreml", claimId: claim.id, version: 1 });
    expect(byEditor).toMatchObject({ claimant: "Kreml", version: 2, status: "DRAFT" });
    const byAuthor = await claims.updateClaim(reviewer, { ...content, sources: [content.sources[1]], claimId: claim.id, version: 2 });
    expect(byAuthor.sources.map((s) => s.title)).toEqual(["Zwei"]);
  });

  it("refuse a save that started from an old version; parallel saves lose nothing", async () => {
    const claim = await claims.createClaim(reviewer, claimInput("Guardian"));
    const { articleSlug: _, passage: __, ...content } = claimInput("Guardian");
    void _;
    void __;
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => claims.updateClaim(reviewer, { ...content, rationale: `Fassung ${i}`, claimId: claim.id, version: 1 })),
    );
    const won = attempts.filter((a) => a.status === "fulfilled");
    const lost = attempts.filter((a) => a.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.every((a) => a.status === "rejected" && a.reason instanceof AppError && a.reason.code === "CONFLICT")).toBe(true);
    // The refusal shows the other person's change, so nobody overwrites it blindly.
    const refusal = (lost[0] as PromiseRejectedResult).reason as InstanceType<typeof AppError>;
    expect(refusal.details).toMatchObject({ by: "Rita Reuter", current: { version: 2 }, changes: [{ field: "rationale", from: "Begründung." }] });
    const stored = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(stored.version).toBe(2);
    expect(stored.rationale).toBe((won[0] as PromiseFulfilledResult<{ rationale: string }>).value.rationale);
    expect(await db.source.count({ where: { claimId: claim.id } })).toBe(2);
  });

  it("soft-delete: the claim leaves every view, its row stays", async () => {
    const claim = await claims.createClaim(reviewer, claimInput("Shahed 136"));
    await expectRefused(() => claims.deleteClaim(reviewer, { claimId: claim.id, version: 9 }), "CONFLICT");
    await claims.deleteClaim(reviewer, { claimId: claim.id, version: 1 });
    expect((await articles.getPublishedArticle(REFERENCE_ARTICLE_SLUG))!.claims.some((c) => c.id === claim.id)).toBe(false);
    expect((await articles.getArticleForReview(reviewer, REFERENCE_ARTICLE_SLUG)).claims.some((c) => c.id === claim.id)).toBe(false);
    await expectRefused(() => claims.getClaim(editor, claim.id), "NOT_FOUND");
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).deletedAt).toBeInstanceOf(Date);
  });
});

describe("reads", () => {
  it("readers see published claims only; drafts answer like missing ones", async () => {
    const draft = await claims.createClaim(reviewer, claimInput("Notfalltelefonat"));
    const reader = await articles.getPublishedArticle(REFERENCE_ARTICLE_SLUG);
    expect(reader!.claims.some((c) => c.id === draft.id)).toBe(false);
    await expectRefused(() => claims.getClaim(null, draft.id), "NOT_FOUND");
    await expectRefused(() => articles.getArticleForReview(null, REFERENCE_ARTICLE_SLUG), "UNAUTHENTICATED");
    expect((await claims.getClaim(reviewer2, draft.id)).id).toBe(draft.id);
    const [summary] = await articles.listArticles(null);
    expect(summary.publishedClaims).toBe(reader!.claims.length);
    expect(summary.progress).toBeNull();
    expect((await articles.listArticles(reviewer))[0].progress!.DRAFT).toBeGreaterThan(0);
  });

  it("views carry the fields they name and no internal column (ids of other rows, figures, deletion)", async () => {
    const [published] = (await articles.getPublishedArticle(REFERENCE_ARTICLE_SLUG))!.claims;
    expect(Object.keys(published).sort()).toEqual(
      ["claimText", "claimant", "corrections", "end", "exact", "id", "prefix", "publishedAt", "publishedBy", "rationale", "reviewedAt", "reviewedBy", "sources", "start", "suffix", "updatedAt", "verdict"],
    );
    expect(Object.keys(published.sources[0]).sort()).toEqual(["excerpt", "publishedAt", "publisher", "stance", "title", "url"]);
    const staffView = await claims.getClaim(reviewer, published.id);
    expect(Object.keys(staffView).sort()).toEqual(
      ["anchorStatus", "articleSlug", "assignee", "author", "claimText", "claimant", "corrections", "createdAt", "end", "exact", "id", "prefix", "published", "publishedAt", "rationale", "rejectionReason", "sources", "start", "status", "suffix", "updatedAt", "verdict", "version"],
    );
    expect(Object.keys(staffView.sources[0]).sort()).toEqual(["accessedAt", "excerpt", "publishedAt", "publisher", "stance", "title", "url"]);
  });

  it("the session is checked against the database: disabled users and old session versions are refused", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: "reviewer2@example.org" } });
    expect(await actorFromSession(user.id, user.sessionVersion)).toMatchObject({ id: user.id, role: "REVIEWER" });
    expect(await actorFromSession(user.id, user.sessionVersion + 1)).toBeNull();
    expect(await actorFromSession("nobody", 0)).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await actorFromSession(user.id, user.sessionVersion)).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: null } });
  });
});

describe("createArticle", () => {
  it("stores pasted text as blocks with a unique slug", async () => {
    const input = { title: "Ein Test", sourceUrl: "https://example.org/t", publisher: "P", publishedAt: "", language: "de", text: "Vorspann.\n\nAbsatz eins." };
    expect(await articles.createArticle(reviewer, input)).toEqual({ slug: "ein-test" });
    expect(await articles.createArticle(reviewer, { ...input, sourceUrl: "https://example.org/t2" })).toEqual({ slug: "ein-test-2" });
    // The same address again is refused with the existing article (see tests/import.test.ts).
    await expectRefused(() => articles.createArticle(reviewer, input), "CONFLICT");
    const view = await articles.getArticleForReview(reviewer, "ein-test-2");
    expect(view.blocks.map((b) => [b.kind, b.text])).toEqual([
      ["lead", "Vorspann."],
      ["paragraph", "Absatz eins."],
    ]);
    await expectRefused(() => articles.createArticle(null, input), "UNAUTHENTICATED");
    await expectRefused(() => articles.createArticle(reviewer, { ...input, sourceUrl: "javascript:alert(1)" }), "VALIDATION");
    await expectRefused(() => articles.createArticle(reviewer, { ...input, text: "  \n\n " }), "VALIDATION");
    await expectRefused(() => articles.createArticle(reviewer, { ...input, language: "fr" }), "VALIDATION");
  });

  it("lets one of several imports of one address made at once in, and tells the others which article it is", async () => {
    const base = { publisher: "P", language: "de", text: "Vorspann.\n\nAbsatz." };
    const spellings = ["https://example.org/gleichzeitig", "https://example.org/gleichzeitig?utm_source=x", "https://example.org/gleichzeitig#oben"];
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => articles.createArticle(reviewer, { ...base, title: `Gleichzeitig ${i}`, sourceUrl: spellings[i % spellings.length] })),
    );
    const stored = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value.slug] : []));
    expect(stored).toHaveLength(1);
    for (const o of outcomes) {
      if (o.status === "rejected") expect(o.reason).toMatchObject({ code: "CONFLICT", details: { duplicate: { slug: stored[0] } } });
    }
    expect(await db.article.count({ where: { sourceUrl: { startsWith: "https://example.org/gleichzeitig" } } })).toBe(1);
  });

  it("gives articles with one title made at once slugs of their own", async () => {
    const made = await Promise.all(
      Array.from({ length: 5 }, (_, i) => articles.createArticle(reviewer, { title: "Derselbe Titel", sourceUrl: `https://example.org/titel-${i}`, publisher: "P", language: "de", text: "Vorspann.\n\nAbsatz." })),
    );
    expect(new Set(made.map((m) => m.slug)).size).toBe(5);
  });
});
