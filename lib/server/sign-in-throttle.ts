/**
 * Sign-in throttling, stored in the database (table SignInThrottle) so the limits hold across
 * every app instance that shares it. Two counters per attempt: one per account
 * ("account:<lowercased e-mail>", also for e-mails that do not exist, so a lock-out reveals
 * nothing) and one per client address ("ip:<address>").
 *
 * Counting is race-free without a read-modify-write: every step is a single conditional UPDATE
 * (or an INSERT that a unique key makes fail for the loser), which the database applies
 * atomically whichever instance sends it. A loser of a race simply retries the steps.
 */
import "server-only";
import { db, type Db } from "./db";
import { isUniqueViolation } from "./errors";

export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

const MINUTE = 60_000;

/**
 * 5 wrong passwords for one account within 15 minutes lock it for 15 minutes: a person who
 * mistypes gets several tries, a guesser gets at most 20 guesses an hour per account (NIST
 * SP 800-63B asks for at most 100 consecutive failures; OWASP suggests a handful per window).
 */
export const ACCOUNT_POLICY: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/**
 * 20 failures from one address within 15 minutes lock that address for 15 minutes: it stops one
 * machine from trying a password against many accounts (which the per-account limit would not
 * notice), while a newsroom behind one NAT address still has room for everyday typos.
 */
export const ADDRESS_POLICY: ThrottlePolicy = { maxFailures: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

export type ThrottleClient = Pick<Db, "signInThrottle">;

export interface ThrottleOptions {
  /** The clock, injectable so tests need not wait 15 minutes. */
  now?: Date;
  /** Another client on the same database, so tests can race two "instances". */
  client?: ThrottleClient;
}

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `ip:${address}`;

/** The latest lock among `keys` that has not yet expired, or null. */
export async function activeLock(keys: string[], { now = new Date(), client = db }: ThrottleOptions = {}): Promise<Date | null> {
  const locked = await client.signInThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  const until = locked.map((row) => row.lockedUntil!.getTime());
  return until.length > 0 ? new Date(Math.max(...until)) : null;
}

/** Counts one failure for `key`: inside the open window, or as the first of a new window. */
async function countFailure(client: ThrottleClient, key: string, policy: ThrottlePolicy, now: Date): Promise<void> {
  const windowOpenedAfter = new Date(now.getTime() - policy.windowMs);
  // Three steps, each atomic; a step that loses a race matches no row and the loop tries again.
  for (let attempt = 0; attempt < 5; attempt++) {
    const counted = await client.signInThrottle.updateMany({
      where: { key, windowStart: { gt: windowOpenedAfter } },
      data: { failures: { increment: 1 } },
    });
    if (counted.count > 0) return;
    // The window is over: start a new one, unless another instance just did. A running lock
    // stays as it is (it may outlast the window it was set in).
    const restarted = await client.signInThrottle.updateMany({
      where: { key, windowStart: { lte: windowOpenedAfter } },
      data: { failures: 1, windowStart: now },
    });
    if (restarted.count > 0) return;
    try {
      await client.signInThrottle.create({ data: { key, failures: 1, windowStart: now } });
      return;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error(`sign-in throttle: could not count a failure for ${key.split(":")[0]} after repeated races`);
}

/** Locks `key` if its window holds enough failures; a no-op when already locked. Returns the lock. */
async function lockIfOverLimit(client: ThrottleClient, key: string, policy: ThrottlePolicy, now: Date): Promise<{ lockedUntil: Date | null; newlyLocked: boolean }> {
  const locked = await client.signInThrottle.updateMany({
    where: {
      key,
      failures: { gte: policy.maxFailures },
      windowStart: { gt: new Date(now.getTime() - policy.windowMs) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }],
    },
    data: { lockedUntil: new Date(now.getTime() + policy.lockMs) },
  });
  const row = await client.signInThrottle.findUnique({ where: { key } });
  const lockedUntil = row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
  return { lockedUntil, newlyLocked: locked.count > 0 };
}

export interface FailureOutcome {
  /** When the caller may try again, if this failure (or an earlier one) locked a key. */
  lockedUntil: Date | null;
  /** The keys this very failure locked (for the security log). */
  newlyLocked: string[];
}

/**
 * Records one failed sign-in for the account and, when known, the address (a wrong current
 * password on the account page counts against the account only).
 */
export async function recordSignInFailure(
  keys: { account: string; address?: string },
  { now = new Date(), client = db }: ThrottleOptions = {},
): Promise<FailureOutcome> {
  const outcome: FailureOutcome = { lockedUntil: null, newlyLocked: [] };
  const counters: [string, ThrottlePolicy][] = [[keys.account, ACCOUNT_POLICY]];
  if (keys.address) counters.push([keys.address, ADDRESS_POLICY]);
  for (const [key, policy] of counters) {
    await countFailure(client, key, policy, now);
    const { lockedUntil, newlyLocked } = await lockIfOverLimit(client, key, policy, now);
    if (newlyLocked) outcome.newlyLocked.push(key);
    if (lockedUntil && (!outcome.lockedUntil || lockedUntil > outcome.lockedUntil)) outcome.lockedUntil = lockedUntil;
  }
  return outcome;
}

/**
 * A successful sign-in forgets the account's failures. The address counter is kept on purpose:
 * otherwise one valid account would let a guesser reset their address's count between guesses.
 */
export async function clearAccountFailures(account: string, { now = new Date(), client = db }: ThrottleOptions = {}): Promise<void> {
  await client.signInThrottle.deleteMany({ where: { key: account, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] } });
  // Rows whose window and lock are both over carry no information; drop them so the table stays small.
  const longestWindow = Math.max(ACCOUNT_POLICY.windowMs, ADDRESS_POLICY.windowMs);
  await client.signInThrottle.deleteMany({
    where: { windowStart: { lte: new Date(now.getTime() - longestWindow) }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
  });
}

/** Forgets an account's failures and lock (an admin reset its password). */
export async function unlockAccount(account: string, client: ThrottleClient = db): Promise<void> {
  await client.signInThrottle.deleteMany({ where: { key: account } });
}
