/**
 * The Prisma client: one per process (kept on globalThis so dev-mode reloads reuse it).
 * Only the data access layer imports this file.
 */
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { databaseUrl } from "./database-url";

/** How long a write waits for SQLite's lock before giving up (ms). Parallel saves queue instead of failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

function createClient() {
  const adapter = new PrismaBetterSQLite3({ url: databaseUrl(), timeout: SQLITE_BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as { factcheckDb?: Db };

export const db: Db = globalForDb.factcheckDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.factcheckDb = db;
