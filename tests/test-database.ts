/**
 * A throw-away SQLite database for data-layer tests: a fresh file, migrated with the committed
 * migrations (the same `prisma migrate deploy` production uses), seeded with the demo data.
 * Must be imported before anything that imports lib/server/db.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const folder = mkdtempSync(path.join(tmpdir(), "factcheck-test-"));
export const TEST_DATABASE_URL = `file:${path.join(folder, "test.db")}`;
process.env.DATABASE_URL = TEST_DATABASE_URL;

export function migrateTestDatabase(): void {
  execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "ignore", env: { ...process.env, DATABASE_URL: TEST_DATABASE_URL } });
}
