/**
 * Retries a transaction that PostgreSQL aborted only because it raced another one: a
 * serialization failure (SQLSTATE 40001, Prisma's P2034) or a deadlock (40P01). The aborted
 * attempt was rolled back whole, so running the same transaction again is safe; any other error
 * (including our own refusals, e.g. a stale version) goes straight to the caller. SQLite never
 * reports these: it queues writers behind its lock (busy timeout in lib/server/db.ts).
 */

const RETRYABLE_SQLSTATES = new Set(["40001", "40P01"]);

interface ErrorShape {
  code?: unknown;
  cause?: ErrorShape;
  meta?: { driverAdapterError?: ErrorShape };
  originalCode?: unknown;
}

/**
 * Whether `error` is a serialization failure or deadlock. Prisma reports the first as P2034; a
 * deadlock reaches us as the driver adapter's error, whose `cause` carries the SQLSTATE.
 */
export function isTransactionConflict(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as ErrorShape;
  if (e.code === "P2034") return true;
  const causes = [e.cause, e.meta?.driverAdapterError?.cause];
  return causes.some((cause) => !!cause && (RETRYABLE_SQLSTATES.has(String(cause.code)) || RETRYABLE_SQLSTATES.has(String(cause.originalCode))));
}

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts?: number;
  /** Wait before the second attempt (ms); doubles each time, with jitter so racers spread out. */
  delayMs?: number;
}

/** Runs `transaction`, running it again (up to `attempts` times in all) after a transaction conflict. */
export async function withRetry<T>(transaction: () => Promise<T>, { attempts = 3, delayMs = 20 }: RetryOptions = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= attempts || !isTransactionConflict(error)) throw error;
      const wait = delayMs * 2 ** (attempt - 1) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
