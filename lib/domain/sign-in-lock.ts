/**
 * How a sign-in lock-out travels from the server to the form. next-auth 4 hands the message of
 * an error thrown in `authorize` to the client as `error`, so the server throws
 * "LOCKED:<ISO time>" and the form reads the time back to say when to try again.
 */
export const SIGNIN_LOCKED_PREFIX = "LOCKED:";

export function lockedMessage(until: Date): string {
  return `${SIGNIN_LOCKED_PREFIX}${until.toISOString()}`;
}

/** The time in a "LOCKED:…" error, or null for any other error. */
export function lockedUntilFromError(error: string | null | undefined): Date | null {
  if (!error?.startsWith(SIGNIN_LOCKED_PREFIX)) return null;
  const until = new Date(error.slice(SIGNIN_LOCKED_PREFIX.length));
  return Number.isNaN(until.getTime()) ? null : until;
}
