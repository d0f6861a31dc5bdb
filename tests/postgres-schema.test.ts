/**
 * prisma/postgres/ is generated from prisma/schema.prisma and prisma/migrations/ (scripts/
 * generate-postgres-schema.ts): running the generator again must reproduce the committed files
 * exactly, so a schema change or a new SQLite migration cannot land without its PostgreSQL twin.
 */
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generatePostgres, translateTriggers } from "@/scripts/generate-postgres-schema";

const COMMITTED = "prisma/postgres";

function files(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe("the generated PostgreSQL schema and migrations", () => {
  it("match what the generator makes from the SQLite schema and migrations", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "factcheck-postgres-schema-"));
    await generatePostgres(out);
    expect(files(COMMITTED), "run `npm run db:generate-postgres`").toEqual(files(out));
    for (const file of files(out)) {
      expect(readFileSync(path.join(COMMITTED, file), "utf8"), `${file} is out of date: run \`npm run db:generate-postgres\``).toBe(
        readFileSync(path.join(out, file), "utf8"),
      );
    }
  }, 120_000);

  it("translate immutability triggers, and refuse SQLite triggers they cannot translate", () => {
    const tables = new Map<string, string>();
    const created = translateTriggers(`CREATE TRIGGER "T_no_update" BEFORE UPDATE ON "T" BEGIN SELECT RAISE(ABORT, 'it''s fixed'); END;`, tables);
    expect(created).toContain(`CREATE TRIGGER "T_no_update" BEFORE UPDATE ON "T" FOR EACH ROW EXECUTE FUNCTION "refuse_change"('it''s fixed');`);
    expect(translateTriggers(`DROP TRIGGER "T_no_update";`, tables)).toContain(`DROP TRIGGER IF EXISTS "T_no_update" ON "T";`);
    expect(() => translateTriggers(`CREATE TRIGGER "x" AFTER INSERT ON "T" BEGIN UPDATE "T" SET a = 1; END;`, tables)).toThrow(/unknown form/);
    expect(translateTriggers(`CREATE TABLE "T" ("id" TEXT);`, tables)).toBe("");
  });
});
