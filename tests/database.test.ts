/**
 * What the app relies on from either database (the test project picks SQLite or PostgreSQL):
 * the client the URL chooses, enforced foreign keys, and history rows that no statement can
 * change or remove (triggers from the SQLite migration, translated for PostgreSQL).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_DATABASE_PROVIDER, migrateTestDatabase } from "./test-database";

const { db } = await import("@/lib/server/db");
const { seedDemoData } = await import("@/prisma/seed");

beforeAll(async () => {
  migrateTestDatabase();
  await seedDemoData();
}, 60_000);

describe(`the ${TEST_DATABASE_PROVIDER} database`, () => {
  it("is the kind DATABASE_URL names", async () => {
    const probe = TEST_DATABASE_PROVIDER === "sqlite" ? "SELECT sqlite_version() AS v" : "SELECT version() AS v";
    const [row] = await db.$queryRawUnsafe<{ v: string }[]>(probe);
    expect(row.v).toMatch(TEST_DATABASE_PROVIDER === "sqlite" ? /^3\./ : /^PostgreSQL/);
  });

  it("enforces foreign keys", async () => {
    if (TEST_DATABASE_PROVIDER === "sqlite") {
      expect(await db.$queryRawUnsafe("PRAGMA foreign_keys")).toEqual([{ foreign_keys: 1n }]);
    }
    await expect(db.comment.create({ data: { claimId: "no-such-claim", authorId: "no-such-user", body: "x" } })).rejects.toMatchObject({ code: "P2003" });
    expect(await db.comment.count()).toBe(0);
  });

  // (SQLite's RAISE(ABORT) reaches Prisma as a constraint error without the trigger's message,
  // so these check the refusal and the unchanged rows, not the wording.)
  it("refuses to change or remove history: claim and article revisions, corrections", async () => {
    const revision = await db.claimRevision.findFirstOrThrow();
    await expect(db.claimRevision.update({ where: { id: revision.id }, data: { note: "rewritten" } })).rejects.toThrow();
    await expect(db.claimRevision.delete({ where: { id: revision.id } })).rejects.toThrow();
    await expect(db.claimRevision.deleteMany({})).rejects.toThrow();

    const article = await db.article.findFirstOrThrow();
    const articleRevision = await db.articleRevision.create({ data: { articleId: article.id, version: 99, title: "T", text: "x", blockKinds: "[]" } });
    await expect(db.articleRevision.update({ where: { id: articleRevision.id }, data: { note: "x" } })).rejects.toThrow();
    await expect(db.articleRevision.delete({ where: { id: articleRevision.id } })).rejects.toThrow();

    const correction = await db.correction.create({ data: { claimId: revision.claimId, note: "Korrektur" } });
    await expect(db.correction.update({ where: { id: correction.id }, data: { note: "y" } })).rejects.toThrow();
    await expect(db.correction.deleteMany({ where: { id: correction.id } })).rejects.toThrow();
    expect(await db.claimRevision.findUniqueOrThrow({ where: { id: revision.id } })).toEqual(revision);
    expect(await db.articleRevision.findUniqueOrThrow({ where: { id: articleRevision.id } })).toEqual(articleRevision);
    expect(await db.correction.findUniqueOrThrow({ where: { id: correction.id } })).toEqual(correction);
  });
});
