/** Turns a failed server action into a sentence in the UI language. */
import { errorMessage, type Translate } from "@/lib/i18n/messages";
import type { FieldErrors } from "@/lib/validation/errors";

export function failureMessage(t: Translate, result: { code?: string; message?: string; fields?: FieldErrors } | null): string {
  if (!result) return t("error.generic");
  // "_" carries a form-level reason such as "self_demote"; other fields are shown next to their input.
  if (result.fields?._) return errorMessage(t, result.fields._);
  if (result.code === "INTERNAL" || !result.message) return t("error.generic");
  return result.message;
}
