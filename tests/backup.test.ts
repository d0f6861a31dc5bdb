/**
 * Backup and restore (lib/server/backup.ts) on the test project's database kind: a backup taken
 * while claims are being written holds every claim committed before it started, restores into a
 * fresh database, and is consistent (integrity check, foreign keys, and every claim's version
 * matching its newest revision — written in one transaction, so a torn snapshot would show).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DATABASE_PROVIDER, TEST_DATABASE_URL, createPostgresTestDatabase, migrateTestDatabase } from "./test-database";
import type { Actor } from "@/lib/server/actor";

const { db } = await import("@/lib/server/db");
const claims = await import("@/lib/server/claims");
const { backupDatabase, restoreDatabase } = await import("@/lib/server/backup");
const { seedDemoData, REFERENCE_ARTICLE_SLUG } = await import("@/prisma/seed");

const folder = mkdtempSync(path.join(tmpdir(), "factcheck-backup-"));
const cleanup: (() => Promise<void>)[] = [];
let reviewer: Actor;
let articleText: string;

beforeAll(async () => {
  migrateTestDatabase();
  // As prepare.ts does in production: WAL lets the backup read while the writers go on.
  if (TEST_DATABASE_PROVIDER === "sqlite") await db.$queryRawUnsafe("PRAGMA journal_mode=WAL;");
  await seedDemoData();
  const u = await db.user.findUniqueOrThrow({ where: { email: "reviewer@example.org" } });
  reviewer = { id: u.id, name: u.name, email: u.email, role: u.role };
  articleText = (await db.article.findUniqueOrThrow({ where: { slug: REFERENCE_ARTICLE_SLUG } })).text;
}, 60_000);

afterAll(async () => {
  for (const step of cleanup) await step();
});

/** A fresh, empty database of the same kind to restore into. */
async function freshDatabase(): Promise<string> {
  if (TEST_DATABASE_PROVIDER === "sqlite") return `file:${path.join(folder, `restored-${cleanup.length}.db`)}`;
  const database = await createPostgresTestDatabase("factcheck_test_restore");
  cleanup.push(database.drop);
  return database.url;
}

interface Restored {
  claims: { id: string; version: number; newestRevision: number | null }[];
  problems: string[];
}

/** Reads the restored database with the plain driver (the app's client is bound to the test database). */
async function readRestored(url: string): Promise<Restored> {
  const sql = `SELECT c."id", c."version", (SELECT max(r."version") FROM "ClaimRevision" r WHERE r."claimId" = c."id") AS "newestRevision" FROM "Claim" c`;
  if (TEST_DATABASE_PROVIDER === "sqlite") {
    const file = new Database(url.slice("file:".length), { readonly: true });
    try {
      const integrity = file.pragma("integrity_check", { simple: true });
      const foreignKeys = file.pragma("foreign_key_check") as unknown[];
      const problems = [...(integrity === "ok" ? [] : [`integrity: ${String(integrity)}`]), ...foreignKeys.map((row) => `foreign key: ${JSON.stringify(row)}`)];
      return { claims: file.prepare(sql).all() as Restored["claims"], problems };
    } finally {
      file.close();
    }
  }
  // PostgreSQL checks foreign keys when pg_restore adds the constraints after the data.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return { claims: (await client.query(sql)).rows, problems: [] };
  } finally {
    await client.end();
  }
}

function content(i: number, rationale: string) {
  return {
    claimText: `Behauptung ${i}`,
    claimant: "Shin Won-sik",
    verdict: "FALSE",
    rationale,
    sources: [{ url: `https://example.org/${i}`, title: "Quelle", publisher: "A", stance: "REFUTES" }],
  };
}

function claimInput(i: number) {
  const quote = "4,8 Millionen Artilleriegeschosse";
  const start = articleText.indexOf(quote);
  return { articleSlug: REFERENCE_ARTICLE_SLUG, passage: { start, end: start + quote.length }, ...content(i, "Begründung.") };
}

describe(`backup and restore (${TEST_DATABASE_PROVIDER})`, () => {
  it("backs up under write load: every claim committed before the backup is restored, consistently", async () => {
    const committed: string[] = [];
    let stop = false;
    let next = 0;
    // Each round creates a claim and edits it once (a version bump plus a revision).
    const writer = async () => {
      while (!stop) {
        // better-sqlite3 answers synchronously, so without this a writer's loop would run on
        // microtasks alone and starve timers and the backup's steps (a real server waits on I/O).
        await new Promise((resolve) => setImmediate(resolve));
        const i = next++;
        const created = await claims.createClaim(reviewer, claimInput(i));
        committed.push(created.id);
        await claims.updateClaim(reviewer, { ...content(i, `Neu ${i}.`), claimId: created.id, version: created.version });
      }
    };
    let failure: unknown = null;
    const writers = [writer(), writer(), writer()].map((w) => w.catch((error: unknown) => void (failure ??= error)));
    const until = async (enough: number) => {
      while (committed.length < enough && !failure) await new Promise((resolve) => setTimeout(resolve, 10));
      if (failure) throw failure;
    };
    await until(9);

    const before = new Set([...committed, ...(await db.claim.findMany({ select: { id: true } })).map((c) => c.id)]);
    const file = path.join(folder, "backup");
    await backupDatabase(TEST_DATABASE_URL, file);
    const afterBackup = committed.length;
    // Keep writing a little after the backup, so the load spanned all of it.
    await until(afterBackup + 3);
    stop = true;
    await Promise.all(writers);
    if (failure) throw failure;

    const target = await freshDatabase();
    await restoreDatabase(target, file);
    const restored = await readRestored(target);
    const ids = new Set(restored.claims.map((c) => c.id));
    expect(restored.problems).toEqual([]);
    expect([...before].filter((id) => !ids.has(id))).toEqual([]);
    const known = new Set([...before, ...committed]);
    expect([...ids].filter((id) => !known.has(id))).toEqual([]);
    expect(restored.claims.filter((c) => c.newestRevision !== c.version)).toEqual([]);
    console.log(`backup (${TEST_DATABASE_PROVIDER}): ${before.size} claims before, ${ids.size} restored, ${committed.length} written in all`);
  }, 120_000);

  it("refuses to restore over a database the app has open, and a backup of the other kind", async () => {
    await db.user.count(); // the app's client holds an open connection
    const file = path.join(folder, "backup-2");
    await backupDatabase(TEST_DATABASE_URL, file);
    await expect(restoreDatabase(TEST_DATABASE_URL, file)).rejects.toThrow(/in use|other session/);
    const otherKind = TEST_DATABASE_PROVIDER === "sqlite" ? "postgresql://postgres@127.0.0.1:5432/nothing" : "file:./nothing.db";
    await expect(restoreDatabase(otherKind, file)).rejects.toThrow(/backup; DATABASE_URL names a/);
    expect(await db.user.count()).toBe(4);
  }, 60_000);
});
