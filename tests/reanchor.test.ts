/**
 * Re-anchoring on a real database: a correction before a claim moves it with its words, a
 * changed figure inside a claim is flagged and hidden from readers until confirmed, a deleted
 * passage orphans its claim until it is re-attached.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { migrateTestDatabase } from "./test-database";
import { actorByEmail } from "./actors";
import type { Actor } from "@/lib/server/actor";

const { db } = await import("@/lib/server/db");
const claims = await import("@/lib/server/claims");
const workflow = await import("@/lib/server/claim-workflow");
const articles = await import("@/lib/server/articles");
const reanchor = await import("@/lib/server/reanchor");
const { seedDemoData, REFERENCE_ARTICLE_SLUG } = await import("@/prisma/seed");

let author: Actor;
let second: Actor;
let editor: Actor;


async function articleText() {
  return (await db.article.findUniqueOrThrow({ where: { slug: REFERENCE_ARTICLE_SLUG } })).text;
}

/** Saves new article text and re-anchors in one transaction, as the article editor does. */
async function correctArticle(edit: (text: string) => string) {
  const article = await db.article.findUniqueOrThrow({ where: { slug: REFERENCE_ARTICLE_SLUG } });
  const text = edit(article.text);
  expect(text).not.toBe(article.text);
  return db.$transaction(async (tx) => {
    await tx.article.update({ where: { id: article.id }, data: { text, version: { increment: 1 } } });
    return reanchor.reanchorArticleClaims(tx, editor, article.id, text);
  });
}

async function publishedClaim(quote: string) {
  const text = await articleText();
  const start = text.indexOf(quote);
  let c = await claims.createClaim(author, {
    articleSlug: REFERENCE_ARTICLE_SLUG,
    passage: { start, end: start + quote.length },
    claimText: quote,
    claimant: "Shin Won-sik",
    verdict: "UNPROVEN",
    rationale: "r",
    sources: [{ url: "https://example.org/x", title: "x", publisher: "y", stance: "CONTEXT" }],
  });
  for (const [who, action] of [[author, "submit"], [second, "approve"], [editor, "publish"]] as const) {
    c = await workflow.transitionClaim(who, { claimId: c.id, version: c.version, action, note: "" });
  }
  return c;
}

async function readerIds() {
  return (await articles.getPublishedArticle(REFERENCE_ARTICLE_SLUG))!.claims.map((c) => c.id);
}

beforeAll(async () => {
  migrateTestDatabase();
  await seedDemoData();
  author = await actorByEmail("reviewer@example.org");
  second = await actorByEmail("reviewer2@example.org");
  editor = await actorByEmail("editor@example.org");
}, 60_000);

describe("re-anchoring after an article correction", () => {
  it("moves claims with their words, flags a changed figure, orphans a deleted passage", async () => {
    const shells = await publishedClaim("4,8 Millionen Artilleriegeschosse");
    const containers = (await db.claim.findFirstOrThrow({ where: { exact: "mehr als 10.000 Schiffscontainer" } }));
    const economist = await db.claim.findFirstOrThrow({ where: { exact: { startsWith: "Seit der iranischen Revolution" } } });
    expect(await readerIds()).toEqual(expect.arrayContaining([shells.id, containers.id, economist.id]));

    const summary = await correctArticle((t) =>
      t
        .replace("Moskau/Pjöngjang – Da Russland international", "Moskau/Pjöngjang – Weil Russland auf internationaler Ebene")
        .replace("4,8 Millionen Artilleriegeschosse", "4,5 Millionen Artilleriegeschosse")
        .replace(" Denn: Seit der iranischen Revolution von 1979 ist das die erste militärische Unterstützung des Irans für ein nicht islamisches Land.", ""),
    );
    expect(summary).toMatchObject({ changed: 1, orphaned: 1 });

    const text = await articleText();
    const moved = await db.claim.findUniqueOrThrow({ where: { id: containers.id } });
    expect(moved).toMatchObject({ anchorStatus: "ANCHORED", exact: "mehr als 10.000 Schiffscontainer" });
    expect(text.slice(moved.start, moved.end)).toBe("mehr als 10.000 Schiffscontainer");
    expect(moved.start).toBe(containers.start + "Weil Russland auf internationaler Ebene".length - "Da Russland international".length);

    const changed = await db.claim.findUniqueOrThrow({ where: { id: shells.id } });
    expect(changed.anchorStatus).toBe("CHANGED");
    expect(changed.exact).toBe("4,8 Millionen Artilleriegeschosse");
    expect(text.slice(changed.start, changed.end)).toBe("4,5 Millionen Artilleriegeschosse");
    expect((await db.claim.findUniqueOrThrow({ where: { id: economist.id } })).anchorStatus).toBe("ORPHANED");

    // Readers no longer see the changed and the orphaned claim; the moved one stays.
    const visible = await readerIds();
    expect(visible).toContain(containers.id);
    expect(visible).not.toContain(shells.id);
    expect(visible).not.toContain(economist.id);

    const history = await workflow.getClaimHistory(editor, shells.id);
    expect(history.at(-1)).toMatchObject({ action: "reanchor", actor: "Eda Berger" });
    expect(history.at(-1)!.note).toMatch(/^changed/);
  });

  it("a reviewer confirms the changed passage or re-attaches the orphaned claim, and readers see them again", async () => {
    const changed = await db.claim.findFirstOrThrow({ where: { anchorStatus: "CHANGED" } });
    const confirmed = await reanchor.confirmAnchor(second, { claimId: changed.id, version: changed.version });
    expect(confirmed).toMatchObject({ anchorStatus: "ANCHORED", exact: "4,5 Millionen Artilleriegeschosse" });

    const orphan = await db.claim.findFirstOrThrow({ where: { anchorStatus: "ORPHANED" } });
    const text = await articleText();
    const start = text.indexOf("Iranische Drohnen wie die Shahed 136");
    await expect(reanchor.reattachClaim(second, { claimId: orphan.id, version: orphan.version, passage: { start, end: start + 36 } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const reattached = await reanchor.reattachClaim(author, { claimId: orphan.id, version: orphan.version, passage: { start, end: start + 36 } });
    expect(reattached).toMatchObject({ anchorStatus: "ANCHORED", exact: "Iranische Drohnen wie die Shahed 136" });
    expect(await readerIds()).toEqual(expect.arrayContaining([changed.id, orphan.id]));
  });

  it("an unchanged text changes nothing and writes no revisions", async () => {
    const before = await db.claimRevision.count();
    const summary = await correctArticle((t) => t.replace("Kreml-Sprecher Dmitri Peskow", "Kreml-Sprecher  Dmitri Peskow"));
    expect(summary.changed + summary.orphaned).toBe(0);
    // Only claims whose offsets moved get a revision: the whitespace edit sits before some of them.
    const after = await db.claimRevision.count();
    expect(after - before).toBe(summary.moved);
  });
});
