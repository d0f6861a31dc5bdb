/**
 * The Prisma client: one per process (kept on globalThis so dev-mode reloads reuse it), for the
 * database DATABASE_URL names — SQLite (`file:`) or PostgreSQL (`postgresql://`).
 * Only the data access layer imports this file.
 *
 * Prisma 6 generates a client per provider and a SQLite client refuses a PostgreSQL adapter
 * ("not compatible with the provider sqlite"), so both are generated (postinstall) from the same
 * models and the URL picks one here. The rest of the code sees the SQLite client's types: the two
 * are generated from identical models, so their model APIs are the same.
 */
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "../generated/prisma-postgres/client";
import { databaseProvider, databaseUrl, postgresConnection } from "./database-url";

/** How long a write waits for SQLite's lock before giving up (ms). Parallel saves queue instead of failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

// Every query leaves password hashes out unless it asks for them (omit: { passwordHash: false }).
const CLIENT_OPTIONS = { omit: { user: { passwordHash: true } } } as const;

// Foreign keys need no PRAGMA: better-sqlite3 is built with SQLITE_DEFAULT_FOREIGN_KEYS=1, so
// every connection enforces them (tests/database.test.ts checks it).
function createSqliteClient(url: string) {
  const adapter = new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter, ...CLIENT_OPTIONS });
}

export type Db = ReturnType<typeof createSqliteClient>;

function createPostgresClient(url: string): Db {
  const { connectionString, schema } = postgresConnection(url);
  const adapter = new PrismaPg({ connectionString }, schema ? { schema } : undefined);
  return new PostgresPrismaClient({ adapter, ...CLIENT_OPTIONS }) as unknown as Db;
}

function createClient(): Db {
  const url = databaseUrl();
  return databaseProvider(url) === "postgresql" ? createPostgresClient(url) : createSqliteClient(url);
}

const globalForDb = globalThis as unknown as { factcheckDb?: Db };

export const db: Db = globalForDb.factcheckDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.factcheckDb = db;
