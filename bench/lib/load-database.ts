/**
 * The load benchmark's database work, run in a child process per database through the app's
 * data layer (bench/lib/load-database-task.ts): creating the reviewer accounts and checking the
 * acknowledged writes afterwards.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { runDatabaseTask } from "./database-task";

const TASK = "bench/lib/load-database-task.ts";

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

export function createBenchAccounts(databaseUrl: string, count: number): BenchAccounts {
  return runDatabaseTask(TASK, databaseUrl, () => ["accounts", String(count)]);
}

export function verifyWrites(databaseUrl: string, acknowledged: AcknowledgedWrite[]): WriteVerification {
  return runDatabaseTask(TASK, databaseUrl, (folder) => {
    const ledger = path.join(folder, "ledger.json");
    writeFileSync(ledger, JSON.stringify(acknowledged));
    return ["verify", ledger];
  });
}
