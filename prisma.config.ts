/**
 * Prisma CLI configuration. Runs Prisma on its JS/WASM engines with a driver adapter, so no
 * native engine binary has to be downloaded (see STACK-NOTES). A config file turns off Prisma's
 * own .env loading, hence dotenv here.
 */
import "dotenv/config";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl, ensureSqliteFolder } from "./lib/server/database-url";

// The datasource reads env("DATABASE_URL"); without it the CLI tries to download an engine.
process.env.DATABASE_URL = databaseUrl();

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    ensureSqliteFolder(process.env.DATABASE_URL!);
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! });
  },
});
