/**
 * Authorization rules, deny by default. Every data-access function calls one of these before
 * it reads unpublished data or writes anything.
 */
import "server-only";
import type { Actor } from "./actor";
import { AppError } from "./errors";

const STAFF_ROLES = new Set(["ADMIN", "EDITOR", "REVIEWER"]);
const EDITOR_ROLES = new Set(["ADMIN", "EDITOR"]);

/** Staff may see drafts and write claims; readers (null) may not. */
export function requireStaff(actor: Actor | null): Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in to do this.");
  if (!STAFF_ROLES.has(actor.role)) throw new AppError("FORBIDDEN", "Your role does not allow this.");
  return actor;
}

export function isStaff(actor: Actor | null): actor is Actor {
  return actor !== null && STAFF_ROLES.has(actor.role);
}

/** Only a claim's author, or an editor, may change or delete it. */
export function requireClaimEditor(actor: Actor | null, claim: { authorId: string }): Actor {
  const staff = requireStaff(actor);
  if (claim.authorId !== staff.id && !EDITOR_ROLES.has(staff.role)) {
    throw new AppError("FORBIDDEN", "Only the claim's author or an editor can change it.");
  }
  return staff;
}

export function canEditClaim(actor: Actor | null, claim: { authorId: string }): boolean {
  return isStaff(actor) && (claim.authorId === actor.id || EDITOR_ROLES.has(actor.role));
}
