/**
 * The claim life cycle as a pure state machine: which action moves a claim from which state to
 * which, who may take it, and what it needs. The data access layer asks this module and writes
 * the result; keeping the rules here makes them testable without a database.
 *
 *   DRAFT ─submit→ IN_REVIEW ─approve→ APPROVED ─publish→ PUBLISHED ─retract→ RETRACTED
 *     ↑              │  reject (reason)     │ reject           │ edit (correction)
 *     └──────────────┴──────────────────────┘                  └──→ IN_REVIEW (published version stays live)
 */

export const CLAIM_STATUSES = ["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED", "RETRACTED"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export type StaffRole = "ADMIN" | "EDITOR" | "REVIEWER";

export const TRANSITIONS = ["submit", "withdraw", "approve", "reject", "publish", "retract"] as const;
export type Transition = (typeof TRANSITIONS)[number];

export interface WorkflowActor {
  id: string;
  role: StaffRole;
}

export interface WorkflowClaim {
  status: ClaimStatus;
  authorId: string;
  /** Whether a version of this claim has been published before (a re-publication is a correction). */
  hasPublishedVersion: boolean;
}

export type TransitionRefusal =
  /** The claim is not in a state this action starts from. */
  | "wrong_state"
  /** Four-eyes: the author cannot approve or reject their own claim. */
  | "own_claim"
  /** The actor's role may not take this action. */
  | "role"
  /** The action needs a note (a rejection reason, a correction or retraction note). */
  | "note_required";

export type TransitionOutcome = { ok: true; to: ClaimStatus; records: "correction" | "retraction" | null } | { ok: false; reason: TransitionRefusal };

const EDITORS: readonly StaffRole[] = ["EDITOR", "ADMIN"];

interface Rule {
  from: readonly ClaimStatus[];
  to: ClaimStatus;
  /** Who may act: the author or an editor; anyone but the author (four-eyes); editors only. */
  who: "author-or-editor" | "not-author" | "editor";
  note: "never" | "always" | "if-published-before";
}

const RULES: Record<Transition, Rule> = {
  submit: { from: ["DRAFT"], to: "IN_REVIEW", who: "author-or-editor", note: "never" },
  withdraw: { from: ["IN_REVIEW", "APPROVED"], to: "DRAFT", who: "author-or-editor", note: "never" },
  approve: { from: ["IN_REVIEW"], to: "APPROVED", who: "not-author", note: "never" },
  reject: { from: ["IN_REVIEW", "APPROVED"], to: "DRAFT", who: "not-author", note: "always" },
  publish: { from: ["APPROVED"], to: "PUBLISHED", who: "editor", note: "if-published-before" },
  retract: { from: ["PUBLISHED", "IN_REVIEW", "APPROVED", "DRAFT"], to: "RETRACTED", who: "editor", note: "always" },
};

export function decideTransition(action: Transition, claim: WorkflowClaim, actor: WorkflowActor, note: string): TransitionOutcome {
  const rule = RULES[action];
  if (!rule.from.includes(claim.status)) return { ok: false, reason: "wrong_state" };
  // Only a claim readers can see (or saw) can be retracted; an unpublished one is deleted instead.
  if (action === "retract" && !claim.hasPublishedVersion) return { ok: false, reason: "wrong_state" };
  const isAuthor = claim.authorId === actor.id;
  const isEditor = EDITORS.includes(actor.role);
  if (rule.who === "editor" && !isEditor) return { ok: false, reason: "role" };
  if (rule.who === "author-or-editor" && !isAuthor && !isEditor) return { ok: false, reason: "role" };
  if (rule.who === "not-author" && isAuthor) return { ok: false, reason: "own_claim" };
  const needsNote = rule.note === "always" || (rule.note === "if-published-before" && claim.hasPublishedVersion);
  if (needsNote && note.trim() === "") return { ok: false, reason: "note_required" };
  const records = action === "retract" ? "retraction" : action === "publish" && claim.hasPublishedVersion ? "correction" : null;
  return { ok: true, to: rule.to, records };
}

/** The actions an actor could take on a claim now (for showing buttons; the server decides again). */
export function availableTransitions(claim: WorkflowClaim, actor: WorkflowActor): Transition[] {
  return TRANSITIONS.filter((action) => {
    const outcome = decideTransition(action, claim, actor, "x");
    return outcome.ok;
  });
}

/** Editing content sends an approved or published claim back to review; drafts stay drafts. */
export function statusAfterEdit(status: ClaimStatus): ClaimStatus | null {
  switch (status) {
    case "DRAFT":
    case "IN_REVIEW":
      return status;
    case "APPROVED":
    case "PUBLISHED":
      return "IN_REVIEW";
    case "RETRACTED":
      return null;
  }
}

/** Who may change a claim's content or passage: its author, the colleague it is assigned to, or an editor. */
export function canEditContent(claim: { authorId: string; assigneeId?: string | null }, actor: WorkflowActor): boolean {
  return claim.authorId === actor.id || claim.assigneeId === actor.id || EDITORS.includes(actor.role);
}

/** Who may (re)assign a claim: its author or an editor. */
export function canAssign(claim: { authorId: string }, actor: WorkflowActor): boolean {
  return claim.authorId === actor.id || EDITORS.includes(actor.role);
}

/** Deleting: the author while it was never published; editors always. */
export function canDelete(claim: WorkflowClaim, actor: WorkflowActor): boolean {
  if (EDITORS.includes(actor.role)) return true;
  return claim.authorId === actor.id && !claim.hasPublishedVersion;
}

/** Restoring an earlier version is an editor's decision. */
export function canRestore(actor: WorkflowActor): boolean {
  return EDITORS.includes(actor.role);
}
