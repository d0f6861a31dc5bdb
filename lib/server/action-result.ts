/**
 * The result every server action returns, so forms can show field errors and messages
 * instead of crashing. Unexpected errors are logged and reported without internals.
 */
import "server-only";
import { AppError, type AppErrorCode } from "./errors";
import type { FieldErrors } from "../validation/errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode | "INTERNAL"; message: string; fields?: FieldErrors; details?: unknown };

export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, message: error.message, fields: error.fields, details: error.details };
    console.error("action failed", error);
    return { ok: false, code: "INTERNAL", message: "Something went wrong. Nothing was saved; please try again." };
  }
}
