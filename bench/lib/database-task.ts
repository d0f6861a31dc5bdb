/**
 * Running a benchmark's database work through the app's own data layer in a child process
 * (`tsx --conditions=react-server`, DATABASE_URL set): the app keeps one Prisma client per
 * process, chosen by DATABASE_URL. The task writes its result as JSON to the file named by its
 * last argument — the data layer logs to stdout.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Runs `script` with `args(folder)` and the result file's path, and returns the result. `folder` is a temporary folder for input files. */
export function runDatabaseTask<T>(script: string, databaseUrl: string, args: (folder: string) => string[]): T {
  const folder = mkdtempSync(path.join(tmpdir(), "factcheck-bench-"));
  try {
    const out = path.join(folder, "result.json");
    execFileSync("npx", ["tsx", "--conditions=react-server", script, ...args(folder), out], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return JSON.parse(readFileSync(out, "utf8")) as T;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
