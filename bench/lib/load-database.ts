/**
 * The load benchmark's database work, run in a child process per database through the app's
 * data layer (bench/lib/load-database-task.ts): creating the reviewer accounts and checking the
 * acknowledged writes afterwards.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Every account the benchmark creates has an e-mail starting with this; its claims are found by it. */
export const BENCH_ACCOUNT_PREFIX = "load-reviewer-";

export interface BenchAccounts {
  accounts: { email: string; password: string }[];
  articleSlug: string;
  /** The article's canonical text, to pick passages from. */
  articleText: string;
}

/** A write the app answered with 2xx: the claim, the version it reported, and the unique marker its rationale carries. */
export interface AcknowledgedWrite {
  claimId: string;
  version: number;
  marker: string;
}

export interface WriteVerification {
  acknowledged: number;
  claims: number;
  lost: number;
  /** The first few lost writes, described. */
  problems: string[];
}

function runTask<T>(databaseUrl: string, command: string, args: (folder: string) => string[]): T {
  const folder = mkdtempSync(path.join(tmpdir(), "factcheck-load-"));
  try {
    const out = path.join(folder, "result.json");
    execFileSync("npx", ["tsx", "--conditions=react-server", "bench/lib/load-database-task.ts", command, ...args(folder), out], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return JSON.parse(readFileSync(out, "utf8")) as T;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function createBenchAccounts(databaseUrl: string, count: number): BenchAccounts {
  return runTask(databaseUrl, "accounts", () => [String(count)]);
}

export function verifyWrites(databaseUrl: string, acknowledged: AcknowledgedWrite[]): WriteVerification {
  return runTask(databaseUrl, "verify", (folder) => {
    const ledger = path.join(folder, "ledger.json");
    writeFileSync(ledger, JSON.stringify(acknowledged));
    return [ledger];
  });
}
