/**
 * Checking an e-mail and password, with throttling and the security log. next-auth's
 * `authorize` (auth-options.ts) is a thin wrapper around `authenticate`, so the whole decision
 * is testable without HTTP.
 */
import "server-only";
import { z } from "zod";
import { db } from "./db";
import { UNKNOWN_USER_HASH, verifyPassword } from "./passwords";
import { logSecurityEvent } from "./security-log";
import { accountKey, activeLock, addressKey, clearAccountFailures, recordSignInFailure, type ThrottleOptions } from "./sign-in-throttle";
import { LIMITS } from "../validation/fields";
import type { Role } from "../generated/prisma/enums";

const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().max(LIMITS.email),
  password: z.string().max(LIMITS.password),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
}

export type SignInOutcome = { status: "ok"; user: SignedInUser } | { status: "invalid" } | { status: "locked"; until: Date };

export async function authenticate(raw: unknown, context: { ip: string } & ThrottleOptions): Promise<SignInOutcome> {
  const parsed = ZCredentials.safeParse(raw);
  if (!parsed.success) return { status: "invalid" };
  const { email, password } = parsed.data;
  const { ip, ...throttle } = context;
  const keys = { account: accountKey(email), address: addressKey(ip) };

  // While locked even the right password is refused, and bcrypt does not run: a locked account
  // costs the server nothing and tells the guesser nothing.
  const locked = await activeLock([keys.account, keys.address], throttle);
  if (locked) {
    logSecurityEvent({ event: "signin.refused_locked", email, ip, detail: { lockedUntil: locked.toISOString() } });
    return { status: "locked", until: locked };
  }

  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  // Compare even when the user is unknown, so timing does not reveal which e-mails exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !ok || user.disabledAt) {
    // A disabled account with the right password fails like a wrong password: same answer, same count.
    const outcome = await recordSignInFailure(keys, throttle);
    logSecurityEvent({ event: "signin.failure", email, ip, targetUserId: user?.id ?? null, detail: user?.disabledAt && ok ? "disabled" : "bad_credentials" });
    for (const key of outcome.newlyLocked) {
      logSecurityEvent({ event: "signin.locked", email, ip, detail: { scope: key.split(":")[0], lockedUntil: outcome.lockedUntil?.toISOString() ?? null } });
    }
    return outcome.lockedUntil ? { status: "locked", until: outcome.lockedUntil } : { status: "invalid" };
  }

  await clearAccountFailures(keys.account, throttle);
  logSecurityEvent({ event: "signin.success", email, ip, actorId: user.id });
  return { status: "ok", user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}
