/**
 * The load benchmark's work on a database, through the app's own data layer. Runs as a child
 * process per database (`tsx --conditions=react-server`, DATABASE_URL set): the app keeps one
 * Prisma client per process, chosen by DATABASE_URL. Started by bench/lib/load-database.ts.
 *
 *   accounts <count> <out.json>      creates <count> reviewer accounts as the seeded admin would
 *                                    (lib/server/users.ts createUser, temporary passwords); writes
 *                                    the accounts and the reference article's canonical text
 *   verify <ledger.json> <out.json>  checks every acknowledged write (see verifyWrites)
 *
 * Results go to a file: the data layer writes its security log to stdout.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { db } from "../../lib/server/db";
import { createUser } from "../../lib/server/users";
import { REFERENCE_ARTICLE_SLUG } from "../../prisma/seed";
import { BENCH_ACCOUNT_PREFIX, type AcknowledgedWrite, type BenchAccounts, type WriteVerification } from "./load-database";

const ADMIN_EMAIL = "admin@example.org";

async function createAccounts(count: number): Promise<BenchAccounts> {
  const admin = await db.user.findUniqueOrThrow({ where: { email: ADMIN_EMAIL }, select: { id: true, name: true, email: true, role: true } });
  const accounts: BenchAccounts["accounts"] = [];
  for (let i = 1; i <= count; i++) {
    const number = String(i).padStart(2, "0");
    const email = `${BENCH_ACCOUNT_PREFIX}${number}@example.org`;
    const { temporaryPassword } = await createUser(admin, { name: `Lastprüfer ${number}`, email, role: "REVIEWER" });
    accounts.push({ email, password: temporaryPassword });
  }
  const article = await db.article.findUniqueOrThrow({ where: { slug: REFERENCE_ARTICLE_SLUG }, select: { text: true } });
  return { accounts, articleSlug: REFERENCE_ARTICLE_SLUG, articleText: article.text };
}

/**
 * Every acknowledged write must be in the database: its revision (claim and version) exists and
 * carries the write's marker, and each claim's current row is its last acknowledged write — or
 * newer: an edit still in flight when a run ended is applied without being acknowledged.
 */
async function verifyWrites(acknowledged: AcknowledgedWrite[]): Promise<WriteVerification> {
  const byBench = { author: { email: { startsWith: BENCH_ACCOUNT_PREFIX } } };
  const claims = await db.claim.findMany({ where: byBench, select: { id: true, version: true, rationale: true, deletedAt: true } });
  const revisions = await db.claimRevision.findMany({ where: { claim: byBench }, select: { claimId: true, version: true, snapshot: true } });
  const revisionOf = new Map(revisions.map((r) => [`${r.claimId}@${r.version}`, JSON.parse(r.snapshot) as { rationale: string }]));
  const claimById = new Map(claims.map((c) => [c.id, c]));

  const lastWrite = new Map<string, AcknowledgedWrite>();
  for (const write of acknowledged) {
    if ((lastWrite.get(write.claimId)?.version ?? 0) < write.version) lastWrite.set(write.claimId, write);
  }
  const problems: string[] = [];
  let lost = 0;
  for (const write of acknowledged) {
    const revision = revisionOf.get(`${write.claimId}@${write.version}`);
    const claim = claimById.get(write.claimId);
    const isLast = lastWrite.get(write.claimId) === write;
    let problem: string | null = null;
    if (!revision) problem = "no revision with this version";
    else if (!revision.rationale.includes(write.marker)) problem = "the revision holds other content";
    else if (isLast && (!claim || claim.deletedAt)) problem = "the claim is gone";
    else if (isLast && claim!.version < write.version) problem = `the claim went back to version ${claim!.version}`;
    else if (isLast && claim!.version === write.version && !claim!.rationale.includes(write.marker)) problem = "the claim holds other content";
    if (problem) {
      lost++;
      if (problems.length < 10) problems.push(`${write.claimId} v${write.version} (${write.marker}): ${problem}`);
    }
  }
  return { acknowledged: acknowledged.length, claims: lastWrite.size, lost, problems };
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === "accounts") {
    writeFileSync(args[1], JSON.stringify(await createAccounts(Number(args[0]))));
  } else if (command === "verify") {
    writeFileSync(args[1], JSON.stringify(await verifyWrites(JSON.parse(readFileSync(args[0], "utf8")) as AcknowledgedWrite[])));
  } else {
    throw new Error(`unknown command ${command ?? "(none)"}: accounts <count> <out.json> | verify <ledger.json> <out.json>`);
  }
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error("load-database-task failed:", error);
  process.exit(1);
});
