/**
 * Accounts: admins list, create, re-role, disable and reset them; everyone changes their own
 * password and can sign out everywhere. Every function takes the actor first and refuses by
 * default. Each change that should end existing sessions (role, disable, password) bumps the
 * user's `sessionVersion` in the same write: `actorFromSession` compares it on every request,
 * so a JWT issued before stops working at once.
 */
import "server-only";
import type { Actor } from "./actor";
import { requireAdmin } from "./authz";
import { db } from "./db";
import { AppError, isUniqueViolation } from "./errors";
import { generateTemporaryPassword, hashPassword, verifyPassword } from "./passwords";
import { logSecurityEvent } from "./security-log";
import { accountKey, activeLock, recordSignInFailure, unlockAccount } from "./sign-in-throttle";
import { parseInput } from "./validate";
import { passwordProblem } from "../domain/common-passwords";
import { ZChangeOwnPassword, ZCreateUser, ZResetUserPassword, ZSetUserDisabled, ZSetUserRole } from "../validation/account";
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";

type Tx = Prisma.TransactionClient;

/** What the admin page shows of an account (never the hash). */
const USER_FIELDS = { id: true, name: true, email: true, role: true, disabledAt: true, createdAt: true } as const;
export type UserRow = { id: string; name: string; email: string; role: Role; disabledAt: Date | null; createdAt: Date };

/**
 * Re-reads the acting admin inside the transaction. The Actor may be a few milliseconds old (or,
 * in a long-running process, older): an admin who was meanwhile disabled or demoted is refused.
 */
async function requireActiveAdmin(tx: Tx, actor: Actor | null, action: string): Promise<Actor> {
  const admin = requireAdmin(actor, action);
  const current = await tx.user.findUnique({ where: { id: admin.id }, select: { role: true, disabledAt: true } });
  if (!current || current.disabledAt) {
    logSecurityEvent({ event: "authz.denied", actorId: admin.id, detail: { rule: "requireAdmin", action, reason: "disabled" } });
    throw new AppError("UNAUTHENTICATED", "Your account is disabled. Please contact an admin.");
  }
  if (current.role !== "ADMIN") {
    logSecurityEvent({ event: "authz.denied", actorId: admin.id, detail: { rule: "requireAdmin", action, role: current.role } });
    throw new AppError("FORBIDDEN", "Only an admin can manage accounts.");
  }
  return admin;
}

/** Admins manage other accounts; their own goes through "My account", so they cannot lock themselves out. */
function refuseSelf(admin: Actor, userId: string, action: string, code: string, message: string): void {
  if (admin.id !== userId) return;
  logSecurityEvent({ event: "authz.denied", actorId: admin.id, targetUserId: userId, detail: { rule: "notSelf", action } });
  throw new AppError("FORBIDDEN", message, { _: code });
}

async function findTarget(tx: Tx | typeof db, userId: string) {
  const target = await tx.user.findUnique({ where: { id: userId }, select: USER_FIELDS });
  if (!target) throw new AppError("NOT_FOUND", "There is no such account.");
  return target;
}

export async function listUsers(actor: Actor | null): Promise<UserRow[]> {
  return db.$transaction(async (tx) => {
    await requireActiveAdmin(tx, actor, "listUsers");
    return tx.user.findMany({ select: USER_FIELDS, orderBy: [{ createdAt: "asc" }, { email: "asc" }] });
  });
}

/** Creates an account with a generated temporary password, returned once and never stored in clear. */
export async function createUser(actor: Actor | null, input: unknown): Promise<{ user: UserRow; temporaryPassword: string }> {
  requireAdmin(actor, "createUser");
  const data = parseInput(ZCreateUser, input);
  const temporaryPassword = generateTemporaryPassword();
  // Hash before the transaction: bcrypt takes a quarter second, and SQLite would be locked meanwhile.
  const passwordHash = await hashPassword(temporaryPassword);
  let user: UserRow;
  try {
    user = await db.$transaction(async (tx) => {
      await requireActiveAdmin(tx, actor, "createUser");
      if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) throw emailTaken();
      return tx.user.create({ data: { ...data, passwordHash }, select: USER_FIELDS });
    });
  } catch (error) {
    // Two admins adding the same e-mail at once: the unique index decides, the loser gets the same answer.
    throw isUniqueViolation(error) ? emailTaken() : error;
  }
  logSecurityEvent({ event: "user.created", actorId: actor!.id, targetUserId: user.id, email: user.email, detail: { role: user.role } });
  return { user, temporaryPassword };
}

function emailTaken() {
  return new AppError("CONFLICT", "An account with this e-mail address already exists.", { email: "email_taken" });
}

export async function setUserRole(actor: Actor | null, input: unknown): Promise<UserRow> {
  requireAdmin(actor, "setUserRole");
  const { userId, role } = parseInput(ZSetUserRole, input);
  const { before, after } = await db.$transaction(async (tx) => {
    const admin = await requireActiveAdmin(tx, actor, "setUserRole");
    if (role !== "ADMIN") refuseSelf(admin, userId, "setUserRole", "self_demote", "You cannot remove your own admin role. Ask another admin.");
    const target = await findTarget(tx, userId);
    if (target.role === role) return { before: target, after: target };
    const updated = await tx.user.update({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } }, select: USER_FIELDS });
    return { before: target, after: updated };
  });
  if (before.role !== after.role) {
    logSecurityEvent({ event: "user.role_changed", actorId: actor!.id, targetUserId: userId, detail: { from: before.role, to: after.role } });
  }
  return after;
}

export async function setUserDisabled(actor: Actor | null, input: unknown): Promise<UserRow> {
  requireAdmin(actor, "setUserDisabled");
  const { userId, disabled } = parseInput(ZSetUserDisabled, input);
  const { changed, user } = await db.$transaction(async (tx) => {
    const admin = await requireActiveAdmin(tx, actor, "setUserDisabled");
    if (disabled) refuseSelf(admin, userId, "setUserDisabled", "self_disable", "You cannot disable your own account.");
    const target = await findTarget(tx, userId);
    if ((target.disabledAt !== null) === disabled) return { changed: false, user: target };
    // Bumped on re-enabling too: tokens from before the disable must not come back to life.
    const data = { disabledAt: disabled ? new Date() : null, sessionVersion: { increment: 1 } };
    return { changed: true, user: await tx.user.update({ where: { id: userId }, data, select: USER_FIELDS }) };
  });
  if (changed) logSecurityEvent({ event: disabled ? "user.disabled" : "user.enabled", actorId: actor!.id, targetUserId: userId });
  return user;
}

/** Sets a new temporary password (returned once), ends the user's sessions and lifts a sign-in lock. */
export async function resetUserPassword(actor: Actor | null, input: unknown): Promise<{ user: UserRow; temporaryPassword: string }> {
  requireAdmin(actor, "resetUserPassword");
  const { userId } = parseInput(ZResetUserPassword, input);
  // Checked before hashing (0.4 s of CPU); the account is looked up again in the transaction below.
  refuseSelf(actor!, userId, "resetUserPassword", "self_reset", "Change your own password under “My account”.");
  await findTarget(db, userId);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const user = await db.$transaction(async (tx) => {
    await requireActiveAdmin(tx, actor, "resetUserPassword");
    await findTarget(tx, userId);
    return tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: USER_FIELDS });
  });
  // The person locked out is usually why the admin resets the password.
  await unlockAccount(accountKey(user.email));
  logSecurityEvent({ event: "user.password_reset", actorId: actor!.id, targetUserId: userId });
  return { user, temporaryPassword };
}

function requireSignedIn(actor: Actor | null, action: string): Actor {
  if (actor) return actor;
  logSecurityEvent({ event: "authz.denied", detail: { rule: "signedIn", action, reason: "anonymous" } });
  throw new AppError("UNAUTHENTICATED", "Please sign in to do this.");
}

/**
 * Changes the actor's own password. The current password is required (a borrowed, unlocked
 * laptop must not be enough), and wrong guesses count against the account's sign-in limit.
 * Bumps the session version: every other browser is signed out; the caller re-signs this one in.
 */
export async function changeOwnPassword(actor: Actor | null, input: unknown): Promise<{ sessionVersion: number }> {
  const self = requireSignedIn(actor, "changeOwnPassword");
  const { currentPassword, newPassword } = parseInput(ZChangeOwnPassword, input);
  const user = await db.user.findUnique({ where: { id: self.id }, omit: { passwordHash: false } });
  if (!user || user.disabledAt) throw new AppError("UNAUTHENTICATED", "Please sign in to do this.");

  const problem = passwordProblem(newPassword, user);
  if (problem) throw new AppError("VALIDATION", "Choose a different password.", { newPassword: problem });
  const key = accountKey(user.email);
  if (await activeLock([key])) throw new AppError("VALIDATION", "Too many failed attempts.", { currentPassword: "locked" });
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    await recordSignInFailure({ account: key });
    logSecurityEvent({ event: "password.change_failed", actorId: user.id, detail: "wrong_current_password" });
    throw new AppError("VALIDATION", "The current password is not correct.", { currentPassword: "wrong_password" });
  }
  if (newPassword === currentPassword) throw new AppError("VALIDATION", "Choose a different password.", { newPassword: "password_unchanged" });

  const passwordHash = await hashPassword(newPassword);
  // Conditional on the version read above: if an admin reset the password or ended the sessions
  // meanwhile, this change loses instead of silently overwriting theirs.
  const updated = await db.user.updateMany({
    where: { id: user.id, sessionVersion: user.sessionVersion, disabledAt: null },
    data: { passwordHash, sessionVersion: { increment: 1 } },
  });
  if (updated.count === 0) throw new AppError("CONFLICT", "Your account changed in the meantime. Please sign in again.");
  logSecurityEvent({ event: "password.changed", actorId: user.id, targetUserId: user.id });
  return { sessionVersion: user.sessionVersion + 1 };
}

/** Ends every session of the actor, this browser's included (its token carries the old version). */
export async function signOutEverywhere(actor: Actor | null): Promise<void> {
  const self = requireSignedIn(actor, "signOutEverywhere");
  const updated = await db.user.updateMany({ where: { id: self.id, disabledAt: null }, data: { sessionVersion: { increment: 1 } } });
  if (updated.count === 0) throw new AppError("UNAUTHENTICATED", "Please sign in to do this.");
  logSecurityEvent({ event: "session.signed_out_everywhere", actorId: self.id, targetUserId: self.id });
}
