/**
 * Authorization rules, deny by default. Every data-access function calls one of these before
 * it reads unpublished data or writes anything.
 */
import "server-only";
import type { Actor } from "./actor";
import { AppError } from "./errors";
import { logSecurityEvent } from "./security-log";

const STAFF_ROLES = new Set(["ADMIN", "EDITOR", "REVIEWER"]);
const EDITOR_ROLES = new Set(["ADMIN", "EDITOR"]);

/** Staff may see drafts and write claims; readers (null) may not. */
export function requireStaff(actor: Actor | null): Actor {
  if (!actor) {
    logSecurityEvent({ event: "authz.denied", detail: { rule: "requireStaff", reason: "anonymous" } });
    throw new AppError("UNAUTHENTICATED", "Please sign in to do this.");
  }
  if (!STAFF_ROLES.has(actor.role)) {
    logSecurityEvent({ event: "authz.denied", actorId: actor.id, detail: { rule: "requireStaff", role: actor.role } });
    throw new AppError("FORBIDDEN", "Your role does not allow this.");
  }
  return actor;
}

export function isStaff(actor: Actor | null): actor is Actor {
  return actor !== null && STAFF_ROLES.has(actor.role);
}

/** Only a claim's author, or an editor, may change or delete it. */
export function requireClaimEditor(actor: Actor | null, claim: { authorId: string }): Actor {
  const staff = requireStaff(actor);
  if (claim.authorId !== staff.id && !EDITOR_ROLES.has(staff.role)) {
    logSecurityEvent({ event: "authz.denied", actorId: staff.id, detail: { rule: "requireClaimEditor", role: staff.role } });
    throw new AppError("FORBIDDEN", "Only the claim's author or an editor can change it.");
  }
  return staff;
}

/** Refuses an action a signed-in staff member may not take. */
export function deny(actor: Actor, message: string): never {
  logSecurityEvent({ event: "authz.denied", actorId: actor.id, detail: { rule: "deny", role: actor.role, reason: message } });
  throw new AppError("FORBIDDEN", message);
}

export function canEditClaim(actor: Actor | null, claim: { authorId: string }): boolean {
  return isStaff(actor) && (claim.authorId === actor.id || EDITOR_ROLES.has(actor.role));
}

/**
 * Only admins manage accounts. `action` names what was refused, for the security log. (The
 * account functions also re-read the admin from the database: see lib/server/users.ts.)
 */
export function requireAdmin(actor: Actor | null, action: string): Actor {
  if (!actor) {
    logSecurityEvent({ event: "authz.denied", detail: { rule: "requireAdmin", action, reason: "anonymous" } });
    throw new AppError("UNAUTHENTICATED", "Please sign in to do this.");
  }
  if (actor.role !== "ADMIN") {
    logSecurityEvent({ event: "authz.denied", actorId: actor.id, detail: { rule: "requireAdmin", action, role: actor.role } });
    throw new AppError("FORBIDDEN", "Only an admin can manage accounts.");
  }
  return actor;
}
