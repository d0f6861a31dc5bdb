/**
 * The one way a claim changes: check the version the client started from, write the change,
 * bump the version and record an immutable revision — all in one transaction. A write that
 * started from an old version is refused with the other person's change attached.
 */
import "server-only";
import type { Actor } from "./actor";
import { db } from "./db";
import { AppError } from "./errors";
import { claimInclude } from "./claim-view";
import { diffSnapshots, snapshotOf, type ClaimSnapshot, type FieldChange } from "./claim-snapshot";
import { withRetry } from "./transaction-retry";
import type { Prisma } from "../generated/prisma/client";

export type Tx = Prisma.TransactionClient;
export type LiveClaim = NonNullable<Awaited<ReturnType<typeof findLiveClaim>>>;

export function findLiveClaim(claimId: string, client: Tx | typeof db = db) {
  return client.claim.findFirst({ where: { id: claimId, deletedAt: null }, include: claimInclude });
}

export async function requireLiveClaim(claimId: string): Promise<LiveClaim> {
  const claim = await findLiveClaim(claimId);
  if (!claim) throw new AppError("NOT_FOUND", "This claim does not exist (any more).");
  return claim;
}

export interface ConflictDetails {
  by: string | null;
  at: string;
  changes: FieldChange[];
  current: ClaimSnapshot & { version: number };
}

/** The refusal a stale write gets: who saved in between, what they changed, and the current state. */
async function conflictFor(claimId: string): Promise<AppError> {
  const current = await findLiveClaim(claimId);
  if (!current) return new AppError("NOT_FOUND", "This claim was deleted in the meantime.");
  const last = await db.claimRevision.findFirst({ where: { claimId }, orderBy: { version: "desc" }, include: { actor: { select: { name: true } } } });
  const details: ConflictDetails = {
    by: last?.actor?.name ?? null,
    at: (last?.createdAt ?? current.updatedAt).toISOString(),
    changes: last ? (JSON.parse(last.changes) as FieldChange[]) : [],
    current: { ...snapshotOf(current), version: current.version },
  };
  const who = details.by ?? "Someone";
  return new AppError("CONFLICT", `${who} saved this claim after you opened it. Your input is kept; review their change before saving again.`, undefined, details);
}

export interface Mutation {
  action: string;
  note?: string | null;
  /** Column updates (version and updatedAt are handled here). */
  data: Prisma.ClaimUncheckedUpdateManyInput;
  /** Replaces the sources when given. */
  sources?: Omit<Prisma.SourceCreateManyInput, "claimId">[];
  /** Further writes in the same transaction (e.g. a correction row). */
  after?: (tx: Tx, claimId: string) => Promise<void>;
}

/**
 * Applies a mutation inside a caller's transaction if the claim is still at `expectedVersion`.
 * @returns the claim after the change, or null when the version no longer matches
 */
export async function applyClaimMutation(tx: Tx, actor: Actor, claim: LiveClaim, expectedVersion: number, mutation: Mutation): Promise<LiveClaim | null> {
  const before = snapshotOf(claim);
  // The version in the WHERE clause makes check and write one atomic step.
  const { count } = await tx.claim.updateMany({
    where: { id: claim.id, version: expectedVersion, deletedAt: null },
    data: { ...mutation.data, version: expectedVersion + 1 },
  });
  if (count === 0) return null;
  if (mutation.sources) {
    await tx.source.deleteMany({ where: { claimId: claim.id } });
    await tx.source.createMany({ data: mutation.sources.map((s) => ({ ...s, claimId: claim.id })) });
  }
  await mutation.after?.(tx, claim.id);
  const updated = (await findLiveClaim(claim.id, tx)) ?? (await tx.claim.findUniqueOrThrow({ where: { id: claim.id }, include: claimInclude }));
  const after = snapshotOf(updated);
  await tx.claimRevision.create({
    data: {
      claimId: claim.id,
      version: expectedVersion + 1,
      action: mutation.action,
      changes: JSON.stringify(diffSnapshots(before, after)),
      snapshot: JSON.stringify(after),
      note: mutation.note ?? null,
      actorId: actor.id,
    },
  });
  return updated;
}

/**
 * Applies a mutation to the claim if it is still at `expectedVersion`, in its own transaction.
 * @returns the claim as it is after the change
 */
export async function mutateClaim(actor: Actor, claim: LiveClaim, expectedVersion: number, mutation: Mutation): Promise<LiveClaim> {
  // On PostgreSQL a deadlock or serialization failure aborts the whole transaction; running it
  // again is safe (the version check still decides), so it is retried before anyone sees it.
  const result = await withRetry(() => db.$transaction((tx) => applyClaimMutation(tx, actor, claim, expectedVersion, mutation)));
  if (!result) throw await conflictFor(claim.id);
  return result;
}

/** Records the first revision of a new claim (inside the transaction that creates it). */
export async function recordCreation(tx: Tx, actor: Actor, claimId: string): Promise<void> {
  const created = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, include: claimInclude });
  const after = snapshotOf(created);
  await tx.claimRevision.create({
    data: { claimId, version: created.version, action: "create", changes: JSON.stringify(diffSnapshots(null, after)), snapshot: JSON.stringify(after), actorId: actor.id },
  });
}
