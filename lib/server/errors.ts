/**
 * One error type for the data access layer, with documented codes. Routes and actions map a
 * code to an HTTP status or a form message; the message never carries database internals.
 */
import type { FieldErrors } from "../validation/errors";

export const ERROR_STATUS = {
  /** The request itself is malformed (e.g. the body is not JSON). */
  BAD_REQUEST: 400,
  /** No valid session for an action that needs one. */
  UNAUTHENTICATED: 401,
  /** Signed in, but the role or ownership does not allow it. */
  FORBIDDEN: 403,
  /** Does not exist, or the actor may not know it exists. */
  NOT_FOUND: 404,
  /** The record changed since the client read it (optimistic concurrency). */
  CONFLICT: 409,
  /** A precondition header (If-Match) did not match. */
  PRECONDITION_FAILED: 412,
  /** A precondition header (If-Match) is required but missing. */
  PRECONDITION_REQUIRED: 428,
  /** The request body is larger than the route accepts. */
  PAYLOAD_TOO_LARGE: 413,
  /** The input does not pass validation; `fields` says which and why. */
  VALIDATION: 422,
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    /** Extra data for the client, e.g. the other person's change on a CONFLICT. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Prisma's "unique constraint failed" (P2002), from either database: two writers raced for one key. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
