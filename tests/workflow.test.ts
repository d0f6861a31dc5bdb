/**
 * The review workflow on a real SQLite database: four eyes, publishing, corrections readers
 * see, retraction, rejection, history that cannot be changed, restore, races.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { migrateTestDatabase } from "./test-database";
import { actorByEmail } from "./actors";
import type { Actor } from "@/lib/server/actor";

const { db } = await import("@/lib/server/db");
const claims = await import("@/lib/server/claims");
const workflow = await import("@/lib/server/claim-workflow");
const comments = await import("@/lib/server/comments");
const articles = await import("@/lib/server/articles");
const { getMyQueue } = await import("@/lib/server/queue");
const { seedDemoData, REFERENCE_ARTICLE_SLUG } = await import("@/prisma/seed");
const { AppError } = await import("@/lib/server/errors");

let author: Actor;
let second: Actor;
let editor: Actor;
let text: string;


function content(extra: Record<string, unknown> = {}) {
  return {
    claimText: "Nordkorea lieferte 4,8 Millionen Geschosse.",
    claimant: "Shin Won-sik",
    verdict: "UNPROVEN",
    rationale: "Nicht belegt.",
    sources: [{ url: "https://example.org/a", title: "A", publisher: "P", stance: "CONTEXT" }],
    ...extra,
  };
}

async function newClaim(quote = "4,8 Millionen Artilleriegeschosse") {
  const start = text.indexOf(quote);
  return claims.createClaim(author, { articleSlug: REFERENCE_ARTICLE_SLUG, passage: { start, end: start + quote.length }, ...content() });
}

async function step(who: Actor, claim: { id: string; version: number }, action: string, note = "") {
  return workflow.transitionClaim(who, { claimId: claim.id, version: claim.version, action, note });
}

async function code(work: Promise<unknown>): Promise<string> {
  return work.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );
}

async function readerClaim(id: string) {
  return (await articles.getPublishedArticle(REFERENCE_ARTICLE_SLUG))!.claims.find((c) => c.id === id);
}

beforeAll(async () => {
  migrateTestDatabase();
  await seedDemoData();
  author = await actorByEmail("reviewer@example.org");
  second = await actorByEmail("reviewer2@example.org");
  editor = await actorByEmail("editor@example.org");
  text = (await db.article.findUniqueOrThrow({ where: { slug: REFERENCE_ARTICLE_SLUG } })).text;
}, 60_000);

describe("four-eyes publishing", () => {
  it("needs a second person to approve and an editor to publish", async () => {
    let c = await newClaim();
    c = await step(author, c, "submit");
    expect(await code(step(author, c, "approve"))).toBe("FORBIDDEN");
    expect(await readerClaim(c.id)).toBeUndefined();
    c = await step(second, c, "approve");
    expect(await code(step(second, c, "publish"))).toBe("FORBIDDEN");
    c = await step(editor, c, "publish");
    expect(c.status).toBe("PUBLISHED");
    const seen = await readerClaim(c.id);
    expect(seen).toMatchObject({ verdict: "UNPROVEN", reviewedBy: "Ben Brandt", publishedBy: "Eda Berger", corrections: [] });
    const history = await workflow.getClaimHistory(editor, c.id);
    expect(history.map((r) => [r.version, r.action, r.actor])).toEqual([
      [1, "create", "Rita Reuter"],
      [2, "submit", "Rita Reuter"],
      [3, "approve", "Ben Brandt"],
      [4, "publish", "Eda Berger"],
    ]);
    expect(history[3].changes).toContainEqual({ field: "status", from: "APPROVED", to: "PUBLISHED" });
  });

  it("a rejection sends the claim back to draft with the reviewer's reason", async () => {
    let c = await step(author, await newClaim("Kurt Campbell"), "submit");
    expect(await code(step(second, c, "reject"))).toBe("VALIDATION");
    c = await step(second, c, "reject", "Zweite Quelle fehlt.");
    expect(c).toMatchObject({ status: "DRAFT", rejectionReason: "Zweite Quelle fehlt." });
    const queue = await getMyQueue(author);
    expect(queue.toWrite.find((q) => q.id === c.id)?.rejectionReason).toBe("Zweite Quelle fehlt.");
  });
});

describe("corrections and retractions", () => {
  it("a corrected verdict goes back through review; readers see the old one until the correction is published, then a dated note", async () => {
    let c = await step(editor, await step(second, await step(author, await newClaim("Dmitri Peskow"), "submit"), "approve"), "publish");
    c = await claims.updateClaim(editor, { ...content({ verdict: "FALSE" }), claimId: c.id, version: c.version });
    expect(c.status).toBe("IN_REVIEW");
    expect((await readerClaim(c.id))!.verdict).toBe("UNPROVEN");
    c = await step(second, c, "approve");
    expect(await code(step(editor, c, "publish"))).toBe("VALIDATION");
    c = await step(editor, c, "publish", "Neue Belege zeigen, dass die Zahl falsch ist.");
    const seen = (await readerClaim(c.id))!;
    expect(seen.verdict).toBe("FALSE");
    expect(seen.corrections).toEqual([{ note: "Neue Belege zeigen, dass die Zahl falsch ist.", createdAt: expect.any(Date) }]);
  });

  it("a retraction removes the claim from the reader view and stays in its history", async () => {
    let c = await step(editor, await step(second, await step(author, await newClaim("Guardian"), "submit"), "approve"), "publish");
    expect(await readerClaim(c.id)).toBeDefined();
    c = await step(editor, c, "retract", "Zitat falsch zugeordnet.");
    expect(await readerClaim(c.id)).toBeUndefined();
    expect(c.status).toBe("RETRACTED");
    const last = (await workflow.getClaimHistory(second, c.id)).at(-1)!;
    expect(last).toMatchObject({ action: "retract", note: "Zitat falsch zugeordnet.", actor: "Eda Berger" });
    expect(await code(claims.updateClaim(author, { ...content(), claimId: c.id, version: c.version }))).toBe("CONFLICT");
  });
});

describe("the reader view's cache", () => {
  it("serves repeat reads from memory and sees a change written by another instance at once", async () => {
    const c = await step(editor, await step(second, await step(author, await newClaim("Shin Won-sik"), "submit"), "approve"), "publish");
    const first = await articles.getPublishedArticle(REFERENCE_ARTICLE_SLUG);
    expect(await articles.getPublishedArticle(REFERENCE_ARTICLE_SLUG)).toBe(first); // a cache hit: the same object
    // Another app instance sharing the database retracts the claim: only the database changes here.
    const row = await db.claim.findUniqueOrThrow({ where: { id: c.id } });
    await db.claim.update({ where: { id: c.id }, data: { status: "RETRACTED", version: row.version + 1 } });
    const after = await articles.getPublishedArticle(REFERENCE_ARTICLE_SLUG);
    expect(after).not.toBe(first);
    expect(after!.claims.find((x) => x.id === c.id)).toBeUndefined();
    expect(first!.claims.find((x) => x.id === c.id)).toBeDefined();
  });

  it("sees a corrected article text at once", async () => {
    const before = (await articles.getPublishedArticle(REFERENCE_ARTICLE_SLUG))!;
    await db.article.update({ where: { slug: REFERENCE_ARTICLE_SLUG }, data: { title: `${before.title} (korrigiert)`, version: before.version + 1 } });
    expect((await articles.getPublishedArticle(REFERENCE_ARTICLE_SLUG))!.title).toBe(`${before.title} (korrigiert)`);
  });
});

describe("history", () => {
  it("cannot be changed or deleted, even directly in the database", async () => {
    const c = await newClaim("Economist");
    await expect(db.claimRevision.updateMany({ where: { claimId: c.id }, data: { note: "forged" } })).rejects.toThrow();
    await expect(db.claimRevision.deleteMany({ where: { claimId: c.id } })).rejects.toThrow();
    expect(await db.claimRevision.count({ where: { claimId: c.id } })).toBe(1);
  });

  it("an editor restores an earlier version as a new revision", async () => {
    let c = await newClaim("Shahed 136");
    c = await claims.updateClaim(author, { ...content({ verdict: "FALSE", rationale: "Zweite Fassung." }), claimId: c.id, version: c.version });
    expect(await code(workflow.restoreRevision(author, { claimId: c.id, version: c.version, revision: 1 }))).toBe("FORBIDDEN");
    c = await workflow.restoreRevision(editor, { claimId: c.id, version: c.version, revision: 1 });
    expect(c).toMatchObject({ verdict: "UNPROVEN", rationale: "Nicht belegt.", version: 3 });
    const history = await workflow.getClaimHistory(editor, c.id);
    expect(history.at(-1)).toMatchObject({ action: "restore", note: "version 1" });
    expect(history.at(-1)!.changes.map((ch) => ch.field).sort()).toEqual(["rationale", "verdict"]);
  });

  it("a deleted claim keeps its history", async () => {
    const c = await newClaim("Pjöngjang reisen");
    await claims.deleteClaim(author, { claimId: c.id, version: 1 });
    expect(await db.claimRevision.count({ where: { claimId: c.id } })).toBe(2);
    expect(await code(workflow.getClaimHistory(editor, c.id))).toBe("NOT_FOUND");
  });
});

describe("races", () => {
  it("two editors publishing the same claim: exactly one publication and one revision", async () => {
    const c = await step(second, await step(author, await newClaim("Kim Hong-kyun"), "submit"), "approve");
    const otherEditor = await actorByEmail("admin@example.org");
    const results = await Promise.allSettled([step(editor, c, "publish"), step(otherEditor, c, "publish"), step(editor, c, "publish")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.claimRevision.count({ where: { claimId: c.id, action: "publish" } })).toBe(1);
  });

  it("K parallel edits from one version: one wins, K−1 conflicts, nothing lost, no SQLITE_BUSY", async () => {
    const c = await newClaim("Iranische Drohnen");
    const K = 12;
    const results = await Promise.allSettled(
      Array.from({ length: K }, (_, i) => claims.updateClaim(author, { ...content({ rationale: `Fassung ${i}` }), claimId: c.id, version: 1 })),
    );
    const codes = await Promise.all(results.map((r) => (r.status === "fulfilled" ? "ok" : r.reason instanceof AppError ? r.reason.code : String(r.reason))));
    expect(codes.filter((x) => x === "ok")).toHaveLength(1);
    expect(codes.filter((x) => x === "CONFLICT")).toHaveLength(K - 1);
    const winner = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ rationale: string }>).value;
    const stored = await db.claim.findUniqueOrThrow({ where: { id: c.id } });
    expect(stored.rationale).toBe(winner.rationale);
    expect(await db.claimRevision.count({ where: { claimId: c.id } })).toBe(2);
  });
});

describe("assignment, queue and comments", () => {
  it("assigns a claim, shows it in the assignee's queue, and keeps a staff-only thread", async () => {
    let c = await newClaim("Isolation vom Westen");
    c = await workflow.assignClaim(author, { claimId: c.id, version: c.version, assigneeId: second.id });
    expect(c.assignee).toEqual({ id: second.id, name: "Ben Brandt" });
    expect(await code(workflow.assignClaim(second, { claimId: c.id, version: c.version, assigneeId: second.id }))).toBe("FORBIDDEN");
    c = await step(author, c, "submit");
    const queue = await getMyQueue(second);
    expect(queue.toReview.find((q) => q.id === c.id)).toMatchObject({ assignedToMe: true, status: "IN_REVIEW" });
    expect(queue.toReview.findIndex((q) => !q.assignedToMe)).not.toBe(0);
    expect((await getMyQueue(author)).toReview.some((q) => q.id === c.id)).toBe(false);
    expect((await getMyQueue(editor)).toPublish.length).toBeGreaterThanOrEqual(0);

    await comments.addComment(second, { claimId: c.id, body: "<b>Quelle?</b>" });
    expect(await comments.listComments(author, c.id)).toEqual([{ id: expect.any(String), body: "<b>Quelle?</b>", author: "Ben Brandt", createdAt: expect.any(Date) }]);
    expect(await code(comments.listComments(null, c.id))).toBe("NOT_FOUND");
    expect(await code(comments.addComment(null, { claimId: c.id, body: "x" }))).toBe("UNAUTHENTICATED");
  });
});
