"use client";
/** Small pieces the add-article forms share: field layout, the status box, the spinner. */
import type { ReactNode } from "react";
import { errorMessage, type Translate } from "@/lib/i18n/messages";
import type { FieldErrors } from "@/lib/validation/errors";
import type { DuplicateArticle } from "@/lib/server/articles";
import { Spinner } from "@/components/layout/loading";

export const inputClass = "mt-1 w-full rounded border border-slate-300 bg-white px-3 py-2 focus:border-accent aria-[invalid=true]:border-red-600";
export const primaryButton = "inline-flex items-center gap-2 rounded bg-accent px-5 py-2 font-semibold text-white hover:bg-[#163d6c] disabled:opacity-60";
export const secondaryButton = "inline-flex items-center gap-2 rounded border border-rule bg-white px-4 py-2 font-medium hover:bg-slate-50 disabled:opacity-60";

/** aria attributes tying an input to its error message. */
export function fieldAria(name: string, errors: FieldErrors) {
  return { "aria-invalid": errors[name] ? true : undefined, "aria-describedby": errors[name] ? `${name}-error` : undefined };
}

export function Field({ name, label, errors, t, hint, children }: { name: string; label: string; errors: FieldErrors; t: Translate; hint?: ReactNode; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-semibold">
        {label}
      </label>
      {children}
      {hint}
      {errors[name] && (
        <p id={`${name}-error`} className="mt-1 text-xs font-medium text-red-700">
          {errorMessage(t, errors[name])}
        </p>
      )}
    </div>
  );
}

/** The one live region of a form: progress while working, the error when something failed. */
export function StatusBox({ busy, message }: { busy?: string | null; message?: string | null }) {
  if (!busy && !message) return <p role="status" className="sr-only" />;
  return (
    <p
      role="status"
      data-testid="import-status"
      className={busy ? "flex items-center gap-2 rounded border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900" : "rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"}
    >
      {busy && <Spinner />}
      {busy ?? message}
    </p>
  );
}

export interface FailedAction {
  ok: false;
  code: string;
  message: string;
  fields?: FieldErrors;
  details?: unknown;
}

/** The sentence for a failed action: the first field's message in the UI language, else the server's. */
export function failureMessage(t: Translate, result: FailedAction | null): string {
  if (!result) return t("error.generic");
  const first = result.fields && Object.values(result.fields)[0];
  return first ? errorMessage(t, first) : result.message;
}

/** The existing article a CONFLICT refusal carries when the address was imported before. */
export function duplicateOf(result: FailedAction | null): DuplicateArticle | null {
  const details = result?.code === "CONFLICT" ? (result.details as { duplicate?: DuplicateArticle } | undefined) : undefined;
  return details?.duplicate ?? null;
}
