"use client";
/** Correcting an article's text: saving re-anchors every claim on the server and reports how they fared. */
import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useI18n } from "@/lib/i18n/client";
import { errorMessage } from "@/lib/i18n/messages";
import { LIMITS } from "@/lib/validation/fields";
import { saveArticleTextAction } from "@/app/review/[slug]/edit/actions";

interface Props {
  slug: string;
  title: string;
  editable: string;
  version: number;
  firstIsLead: boolean;
  claimCount: number;
}

type Outcome = { moved: number; changed: number; orphaned: number } | null;

export function ArticleTextEditor({ slug, title: initialTitle, editable: initialText, version: initialVersion, firstIsLead, claimCount }: Props) {
  const { t } = useI18n();
  const [title, setTitle] = useState(initialTitle);
  const [text, setText] = useState(initialText);
  const [note, setNote] = useState("");
  const [version, setVersion] = useState(initialVersion);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | "unchanged" | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await saveArticleTextAction({ slug, title, editable: text, note, expectedVersion: version, firstIsLead }).catch(() => null);
    setPending(false);
    if (!result) return setError(t("error.generic"));
    if (!result.ok) {
      const field = result.fields && Object.values(result.fields)[0];
      return setError(field ? errorMessage(t, field) : result.message);
    }
    setVersion(result.data.version);
    setOutcome(result.data.reanchored ?? "unchanged");
  }

  return (
    <form onSubmit={submit} className="mt-8 space-y-5 rounded-lg border border-rule bg-white p-6 shadow-sm" data-testid="article-editor">
      {error && <p role="status" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}
      {outcome && (
        <div role="status" className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-950" data-testid="reanchor-outcome">
          {outcome === "unchanged" ? (
            t("edit.unchanged")
          ) : (
            <>
              <p className="font-semibold">{t("edit.saved", { version })}</p>
              <p>{t("edit.outcome", { moved: outcome.moved, changed: outcome.changed, orphaned: outcome.orphaned })}</p>
              {outcome.changed + outcome.orphaned > 0 && <p className="mt-1 font-semibold text-red-800">{t("edit.needsReview")}</p>}
            </>
          )}
          <Link href={`/review/${slug}`} className="mt-2 inline-block font-semibold underline">{t("edit.back")}</Link>
        </div>
      )}
      <div>
        <label htmlFor="title" className="block text-sm font-semibold">{t("article.title")}</label>
        <input id="title" value={title} maxLength={LIMITS.title} onChange={(e) => setTitle(e.target.value)} className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="text" className="block text-sm font-semibold">{t("article.text")}</label>
        <p id="text-help" className="text-xs text-slate-500">{t("edit.format")}</p>
        <textarea id="text" aria-describedby="text-help" value={text} maxLength={LIMITS.articleText} onChange={(e) => setText(e.target.value)} rows={24}
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2 font-serif leading-relaxed" />
      </div>
      <div>
        <label htmlFor="note" className="block text-sm font-semibold">{t("edit.note")}</label>
        <input id="note" value={note} maxLength={LIMITS.note} onChange={(e) => setNote(e.target.value)} className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
      </div>
      <p className="text-sm text-slate-600">{t("edit.claimsWillMove", { count: claimCount })}</p>
      <button type="submit" disabled={pending} className="rounded bg-accent px-5 py-2 font-semibold text-white hover:bg-[#163d6c] disabled:opacity-60">
        {pending ? t("form.saving") : t("edit.save")}
      </button>
    </form>
  );
}
