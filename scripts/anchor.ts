/**
 * Re-anchors stored claims in an article text from the command line:
 *
 *   npm run --silent anchor -- <article.txt> <claims.json>
 *
 * claims.json: an array of { "id", "exact", "prefix", "suffix", "start", "end" }.
 * Prints one JSON object: { "elapsedMs": time spent in anchorAll, "results": [ { "id", "status",
 * "start", "end", "score" } ] } in input order (start/end omitted for orphans).
 * Any error (arguments, unreadable file, invalid JSON, wrong shape): a message on stderr,
 * exit code 2, nothing on stdout.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { anchorAll } from "../lib/anchoring/anchor";

const USAGE = "usage: npm run --silent anchor -- <article.txt> <claims.json>";

const offset = z.number().int().nonnegative();
const ClaimsSchema = z.array(
  z
    .object({ id: z.string(), exact: z.string(), prefix: z.string(), suffix: z.string(), start: offset, end: offset })
    .refine((c) => c.end >= c.start, { message: "end must not be before start", path: ["end"] }),
);

class UsageError extends Error {}

function read(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function anchorFiles(args: string[]): string {
  if (args.length !== 2) throw new UsageError(`expected 2 arguments, got ${args.length}`);
  const [articlePath, claimsPath] = args;
  const text = read(articlePath, "article");
  let json: unknown;
  try {
    json = JSON.parse(read(claimsPath, "claims file"));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${claimsPath} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = ClaimsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${claimsPath}: ${issue.path.length ? `[${issue.path.join(".")}] ` : ""}${issue.message}`);
  }
  const t0 = performance.now();
  const results = anchorAll(text, parsed.data);
  const elapsedMs = Math.round((performance.now() - t0) * 1000) / 1000;
  return JSON.stringify({
    elapsedMs,
    results: results.map((r) =>
      r.status === "orphaned"
        ? { id: r.id, status: r.status, score: r.score }
        : { id: r.id, status: r.status, start: r.start, end: r.end, score: r.score },
    ),
  });
}

/** The whole command as a function (for tests): exit code and what goes to stdout and stderr. */
export function runCli(args: string[]): { code: number; stdout: string; stderr: string } {
  try {
    return { code: 0, stdout: anchorFiles(args) + "\n", stderr: "" };
  } catch (e) {
    const usage = e instanceof UsageError ? USAGE + "\n" : "";
    return { code: 2, stdout: "", stderr: `anchor: ${(e as Error).message}\n${usage}` };
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { code, stdout, stderr } = runCli(process.argv.slice(2));
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = code;
}
