/**
 * First-start preparation, run by `npm start` and `npm run dev`: writes a local .env with a
 * generated NEXTAUTH_SECRET if there is none, applies the committed migrations for the database
 * DATABASE_URL names (prisma.config.ts picks prisma/migrations for SQLite, the generated
 * prisma/postgres/migrations for PostgreSQL), switches SQLite to WAL and seeds the demo data into
 * an empty database.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import "dotenv/config";
import { databaseProvider, databaseUrl, ensureSqliteFolder, redactUrl } from "../lib/server/database-url";

const ENV_FILE = ".env";

function ensureLocalEnv(): void {
  if (process.env.NEXTAUTH_SECRET) return;
  const secret = randomBytes(32).toString("base64url");
  const previous = existsSync(ENV_FILE) ? readFileSync(ENV_FILE, "utf8") : "";
  const lines = [
    previous.trimEnd(),
    "# Written by scripts/prepare.ts for local use. Set your own values in production.",
    `NEXTAUTH_SECRET=${secret}`,
    previous.includes("NEXTAUTH_URL=") ? "" : `NEXTAUTH_URL=http://localhost:${process.env.PORT ?? 3000}`,
  ].filter(Boolean);
  writeFileSync(ENV_FILE, lines.join("\n") + "\n");
  process.env.NEXTAUTH_SECRET = secret;
  console.log(`prepare: wrote ${ENV_FILE} with a generated NEXTAUTH_SECRET`);
}

async function main(): Promise<void> {
  ensureLocalEnv();
  const url = databaseUrl();
  const provider = databaseProvider(url);
  process.env.DATABASE_URL = url;
  ensureSqliteFolder(url);
  execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: ["ignore", "ignore", "inherit"], env: process.env });
  console.log(`prepare: ${provider} database ${redactUrl(url)} is migrated`);

  const { db } = await import("../lib/server/db");
  if (provider === "sqlite") {
    // WAL lets readers continue while a claim is saved; the setting is stored in the file.
    await db.$queryRawUnsafe("PRAGMA journal_mode=WAL;");
  }
  if (process.env.SEED_DEMO_DATA !== "false") {
    const { seedDemoData } = await import("../prisma/seed");
    if (await seedDemoData()) console.log("prepare: seeded the demo article, accounts and claims (see README)");
  }
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error("prepare failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
