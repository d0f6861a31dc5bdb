"use client";
/**
 * The HTML and URL tabs of the add-article page. Both end in a preview (see
 * import-preview-form.tsx); nothing is stored here. An uploaded file is read in the browser
 * with the page's own charset (lib/import/charset.ts) and sent as text; the server checks
 * size and content again.
 */
import { useState, type ChangeEvent, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { LIMITS } from "@/lib/validation/fields";
import { MAX_HTML_CHARS } from "@/lib/validation/import";
import type { FieldErrors } from "@/lib/validation/errors";
import type { ImportPreview } from "@/lib/server/import";
import { decodeHtml } from "@/lib/import/charset";
import { extractFromHtmlAction, extractFromUrlAction } from "@/app/articles/new/actions";
import { Field, StatusBox, failureMessage, inputClass, primaryButton } from "./form-parts";
import { Spinner } from "@/components/layout/loading";

type Extract = typeof extractFromHtmlAction;

// The message of a refusal is shown once, in the status box; the field it is about is marked invalid.
const invalid = (errors: FieldErrors, name: string) => ({ "aria-invalid": errors[name] ? true : undefined });

/** Runs an extraction action and reports the preview, or the error for the status box. */
function useExtraction(onPreview: (preview: ImportPreview) => void) {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  async function run(action: Extract, input: Record<string, string>) {
    setPending(true);
    setMessage(null);
    const result = await action(input).catch(() => null);
    setPending(false);
    if (result?.ok) return onPreview(result.data);
    setErrors(result?.fields ?? {});
    setMessage(failureMessage(t, result));
  }
  return { pending, message, errors, run, fail: (text: string) => setMessage(text) };
}

export function HtmlImportForm({ onPreview }: { onPreview: (preview: ImportPreview) => void }) {
  const { t } = useI18n();
  const { pending, message, errors, run, fail } = useExtraction(onPreview);
  const [file, setFile] = useState<{ name: string; size: number; html: string } | null>(null);

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    setFile(null);
    if (!chosen) return;
    // Refused before reading: a 50 MB file would only be sent to be refused by the server.
    if (chosen.size > MAX_HTML_CHARS) {
      event.target.value = "";
      return fail(t("error.file_too_large"));
    }
    const { text } = decodeHtml(new Uint8Array(await chosen.arrayBuffer()), chosen.type || null);
    setFile({ name: chosen.name, size: chosen.size, html: text });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(extractFromHtmlAction, { html: file?.html ?? String(form.get("html") ?? ""), sourceUrl: String(form.get("htmlSourceUrl") ?? "") });
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={pending} className="space-y-5 rounded-lg border border-rule bg-white p-6 shadow-sm">
      <p className="text-sm text-slate-600">{t("import.html.intro")}</p>
      <StatusBox busy={pending ? t("import.extracting") : null} message={message} />
      <Field name="htmlFile" label={t("import.html.file")} errors={{}} t={t}>
        <input id="htmlFile" type="file" accept=".html,.htm,text/html,application/xhtml+xml" onChange={chooseFile} {...invalid(errors, "html")} className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:font-medium`} />
      </Field>
      {file && <p className="text-sm text-slate-600" data-testid="chosen-file">{t("import.html.fileChosen", { name: file.name, size: Math.ceil(file.size / 1024) })}</p>}
      {!file && (
        <Field name="html" label={t("import.html.paste")} errors={{}} t={t}>
          <textarea id="html" name="html" rows={8} spellCheck={false} placeholder="<!DOCTYPE html>…" className={`${inputClass} font-mono text-xs`} {...invalid(errors, "html")} />
        </Field>
      )}
      <Field name="htmlSourceUrl" label={t("import.html.sourceUrl")} errors={{}} t={t}>
        <input id="htmlSourceUrl" name="htmlSourceUrl" type="url" placeholder="https://" maxLength={LIMITS.url} className={inputClass} {...invalid(errors, "sourceUrl")} />
      </Field>
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending && <Spinner />}
        {pending ? t("import.extracting") : t("import.html.extract")}
      </button>
    </form>
  );
}

export function UrlImportForm({ onPreview }: { onPreview: (preview: ImportPreview) => void }) {
  const { t } = useI18n();
  const { pending, message, errors, run } = useExtraction(onPreview);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(extractFromUrlAction, { url: String(new FormData(event.currentTarget).get("url") ?? "") });
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={pending} className="space-y-5 rounded-lg border border-rule bg-white p-6 shadow-sm">
      <p className="text-sm text-slate-600">{t("import.url.intro")}</p>
      <StatusBox busy={pending ? t("import.fetching") : null} message={message} />
      <Field name="url" label={t("import.url.label")} errors={{}} t={t}>
        <input id="url" name="url" type="url" required placeholder="https://" maxLength={LIMITS.url} className={inputClass} {...invalid(errors, "url")} />
      </Field>
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending && <Spinner />}
        {pending ? t("import.fetching") : t("import.url.fetch")}
      </button>
    </form>
  );
}
