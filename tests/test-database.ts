/**
 * A throw-away database for data-layer tests, one per test file, migrated with the committed
 * migrations (the same `prisma migrate deploy` production uses); the tests seed what they need.
 * Must be imported before anything that imports lib/server/db.
 *
 * The vitest project sets TEST_DATABASE_PROVIDER (vitest.config.ts): `sqlite` (default) uses a
 * fresh file in a temp folder; `postgresql` creates `factcheck_test_<random>` on the server at
 * TEST_POSTGRES_URL and drops it when the file's tests are done.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { createPostgresDatabase, type ThrowawayPostgres } from "../scripts/lib/throwaway-databases";

export const TEST_DATABASE_PROVIDER = process.env.TEST_DATABASE_PROVIDER === "postgresql" ? "postgresql" : "sqlite";

/** A new, empty PostgreSQL database `<prefix>_<random>` on the test server, and how to drop it. */
export function createPostgresTestDatabase(prefix = "factcheck_test"): Promise<ThrowawayPostgres> {
  const server = process.env.TEST_POSTGRES_URL;
  if (!server) throw new Error("TEST_DATABASE_PROVIDER=postgresql needs TEST_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres)");
  return createPostgresDatabase(server, prefix);
}

/** Applies the committed migrations for the URL's kind (prisma.config.ts picks the folder). */
export function migrate(url: string): void {
  execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "pipe", env: { ...process.env, DATABASE_URL: url } });
}

async function createTestDatabase(): Promise<{ url: string; remove: () => Promise<void> }> {
  if (TEST_DATABASE_PROVIDER === "postgresql") {
    const database = await createPostgresTestDatabase();
    return { url: database.url, remove: database.drop };
  }
  const folder = mkdtempSync(path.join(tmpdir(), "factcheck-test-"));
  return { url: `file:${path.join(folder, "test.db")}`, remove: async () => rmSync(folder, { recursive: true, force: true }) };
}

const testDatabase = await createTestDatabase();
export const TEST_DATABASE_URL = testDatabase.url;
process.env.DATABASE_URL = TEST_DATABASE_URL;

export function migrateTestDatabase(): void {
  migrate(TEST_DATABASE_URL);
}

afterAll(async () => {
  // Close the app's client first, so nothing writes into a database that is going away.
  const { db } = await import("@/lib/server/db");
  await db.$disconnect();
  await testDatabase.remove();
}, 30_000);
