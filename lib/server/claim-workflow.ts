/**
 * The review workflow in the data access layer: submit, approve, reject, publish, retract,
 * assign, restore an earlier version, and the history. The rules come from
 * lib/domain/claim-workflow.ts; this file checks them against the stored claim and writes.
 */
import "server-only";
import type { Actor } from "./actor";
import { deny, isStaff, requireStaff } from "./authz";
import { db } from "./db";
import { AppError } from "./errors";
import { parseInput } from "./validate";
import { toClaimView, type ClaimView } from "./claim-view";
import { mutateClaim, requireLiveClaim, type LiveClaim } from "./claim-mutation";
import { ZClaimSnapshot, sourceRowsFromSnapshot, sourceSnapshot, type FieldChange, type PublishedVersion } from "./claim-snapshot";
import { ZAssignClaim, ZRestoreRevision, ZTransitionClaim } from "../validation/claim";
import { canAssign, canRestore, decideTransition, statusAfterEdit, type TransitionRefusal } from "../domain/claim-workflow";

const REFUSALS: Record<TransitionRefusal, string> = {
  wrong_state: "This step is not possible in the claim's current state. Reload to see its state.",
  own_claim: "Four-eyes principle: someone other than the claim's author has to review it.",
  role: "Your role does not allow this step.",
  note_required: "Please give a note for this step.",
};

async function lastApproval(claimId: string) {
  return db.claimRevision.findFirst({
    where: { claimId, action: "approve" },
    orderBy: { version: "desc" },
    include: { actor: { select: { id: true, name: true } } },
  });
}

async function publishedVersionOf(claim: LiveClaim, publisher: Actor, at: Date): Promise<PublishedVersion> {
  const approval = await lastApproval(claim.id);
  return {
    claimText: claim.claimText,
    claimant: claim.claimant,
    verdict: claim.verdict as PublishedVersion["verdict"],
    rationale: claim.rationale,
    sources: claim.sources.map(sourceSnapshot),
    publishedAt: at.toISOString(),
    publishedBy: { id: publisher.id, name: publisher.name },
    reviewedBy: approval?.actor ? { id: approval.actor.id, name: approval.actor.name } : null,
    reviewedAt: approval?.createdAt.toISOString() ?? null,
  };
}

/** Takes a workflow step (submit, withdraw, approve, reject, publish, retract). */
export async function transitionClaim(actor: Actor | null, input: unknown): Promise<ClaimView> {
  const staff = requireStaff(actor);
  const data = parseInput(ZTransitionClaim, input);
  const claim = await requireLiveClaim(data.claimId);
  const outcome = decideTransition(data.action, { status: claim.status, authorId: claim.authorId, hasPublishedVersion: claim.published !== null }, staff, data.note);
  if (!outcome.ok) {
    if (outcome.reason === "note_required") throw new AppError("VALIDATION", REFUSALS.note_required, { note: "required" });
    if (outcome.reason === "wrong_state") throw new AppError("CONFLICT", REFUSALS.wrong_state);
    deny(staff, REFUSALS[outcome.reason]);
  }
  const now = new Date();
  const columns: Record<string, unknown> = { status: outcome.to };
  if (data.action === "reject") columns.rejectionReason = data.note;
  if (data.action === "submit") columns.rejectionReason = null;
  if (data.action === "publish") {
    columns.published = JSON.stringify(await publishedVersionOf(claim, staff, now));
    columns.publishedAt = claim.publishedAt ?? now;
  }
  const updated = await mutateClaim(staff, claim, data.version, {
    action: data.action,
    note: data.note || null,
    data: columns,
    after:
      outcome.records === "correction"
        ? async (tx, claimId) => {
            await tx.correction.create({ data: { claimId, note: data.note, actorId: staff.id, createdAt: now } });
          }
        : undefined,
  });
  return toClaimView(updated);
}

/** Assigns the claim to a staff member (or nobody). The author and editors may assign. */
export async function assignClaim(actor: Actor | null, input: unknown): Promise<ClaimView> {
  const staff = requireStaff(actor);
  const data = parseInput(ZAssignClaim, input);
  const claim = await requireLiveClaim(data.claimId);
  if (!canAssign(claim, staff)) deny(staff, "Only the claim's author or an editor can assign it.");
  if (data.assigneeId !== null) {
    const assignee = await db.user.findFirst({ where: { id: data.assigneeId, disabledAt: null } });
    if (!assignee) throw new AppError("VALIDATION", "Choose an active colleague.", { assigneeId: "invalid_choice" });
  }
  return toClaimView(await mutateClaim(staff, claim, data.version, { action: "assign", data: { assigneeId: data.assigneeId } }));
}

/** Restores the content of an earlier revision, as a new revision. Editors only. */
export async function restoreRevision(actor: Actor | null, input: unknown): Promise<ClaimView> {
  const staff = requireStaff(actor);
  const data = parseInput(ZRestoreRevision, input);
  const claim = await requireLiveClaim(data.claimId);
  if (!canRestore(staff)) deny(staff, "Only an editor can restore an earlier version.");
  const revision = await db.claimRevision.findUnique({ where: { claimId_version: { claimId: claim.id, version: data.revision } } });
  if (!revision) throw new AppError("NOT_FOUND", "There is no such version of this claim.");
  const status = statusAfterEdit(claim.status);
  if (status === null) throw new AppError("CONFLICT", "A retracted claim cannot be edited.");
  const old = ZClaimSnapshot.parse(JSON.parse(revision.snapshot));
  const updated = await mutateClaim(staff, claim, data.version, {
    action: "restore",
    note: `version ${data.revision}`,
    data: { claimText: old.claimText, claimant: old.claimant, verdict: old.verdict, rationale: old.rationale, status },
    sources: sourceRowsFromSnapshot(old.sources, new Date()),
  });
  return toClaimView(updated);
}

export interface RevisionView {
  version: number;
  action: string;
  note: string | null;
  actor: string | null;
  createdAt: Date;
  changes: FieldChange[];
}

/** The claim's timeline, oldest first. Staff only. */
export async function getClaimHistory(actor: Actor | null, claimId: string): Promise<RevisionView[]> {
  // Staff-only data answers readers with the same 404 as a claim that does not exist.
  if (!isStaff(actor)) throw new AppError("NOT_FOUND", "This claim does not exist.");
  const claim = await db.claim.findFirst({ where: { id: claimId, deletedAt: null }, select: { id: true } });
  if (!claim) throw new AppError("NOT_FOUND", "This claim does not exist.");
  const revisions = await db.claimRevision.findMany({ where: { claimId }, orderBy: { version: "asc" }, include: { actor: { select: { name: true } } } });
  return revisions.map((r) => ({
    version: r.version,
    action: r.action,
    note: r.note,
    actor: r.actor?.name ?? null,
    createdAt: r.createdAt,
    changes: JSON.parse(r.changes) as FieldChange[],
  }));
}

/** Staff who can be assigned a claim. */
export async function listAssignableStaff(actor: Actor | null): Promise<{ id: string; name: string; role: string }[]> {
  requireStaff(actor);
  return db.user.findMany({ where: { disabledAt: null }, select: { id: true, name: true, role: true }, orderBy: { name: "asc" } });
}
