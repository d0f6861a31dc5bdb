/** Turns zod issues into a flat map of field path → message code, for forms and JSON errors. */
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "_";
    result[path] ??= issue.message;
  }
  return result;
}
