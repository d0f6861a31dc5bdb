"use client";
/**
 * Claim suggestions for the article: check-worthy statements the detector found, each with its
 * kind and reason. One click turns one into a draft claim; dismissing is remembered per article.
 */
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/messages";
import { LoadingNote } from "@/components/layout/loading";

export interface SuggestionItem {
  id: string;
  start: number;
  end: number;
  text: string;
  kind: "figure" | "comparison" | "attribution" | "quote";
  reason: string;
  claimant?: string;
}

interface Props {
  suggestions: SuggestionItem[] | null;
  supported: boolean;
  activeId: string | null;
  busy: boolean;
  onSelect: (s: SuggestionItem) => void;
  onAccept: (s: SuggestionItem) => void;
  onDismiss: (s: SuggestionItem) => void;
}

export function SuggestionList({ suggestions, supported, activeId, busy, onSelect, onAccept, onDismiss }: Props) {
  const { t } = useI18n();
  return (
    <details className="mb-4 rounded-lg border border-rule bg-white p-4 shadow-sm" open data-testid="suggestions">
      <summary className="cursor-pointer font-serif text-lg font-bold">
        {t("suggestions.title")} <span className="font-sans text-sm font-normal text-slate-500">{suggestions?.length ?? "…"}</span>
      </summary>
      {!supported ? (
        <p className="mt-2 text-sm text-slate-600">{t("suggestions.unsupported")}</p>
      ) : suggestions === null ? (
        <LoadingNote label={t("loading")} className="mt-2" />
      ) : suggestions.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("suggestions.none")}</p>
      ) : (
        <ol className="mt-3 max-h-80 space-y-2 overflow-y-auto pr-1">
          {suggestions.map((s) => (
            <li key={s.id} data-suggestion={s.id} className={`rounded border p-2 text-sm ${s.id === activeId ? "border-accent bg-blue-50/40" : "border-rule"}`}>
              <button type="button" onClick={() => onSelect(s)} className="block w-full text-left">
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide text-slate-700">{t(`suggestions.kind.${s.kind}` as MessageKey)}</span>{" "}
                <span className="text-xs text-slate-600">{s.reason}</span>
                <span className="mt-1 line-clamp-3 block italic text-slate-800">„{s.text}“</span>
              </button>
              <div className="mt-2 flex gap-2">
                <button type="button" disabled={busy} onClick={() => onAccept(s)} className="rounded bg-ink px-2.5 py-1 text-xs font-semibold text-white disabled:opacity-50">
                  {t("suggestions.accept")}
                </button>
                <button type="button" disabled={busy} onClick={() => onDismiss(s)} className="rounded border border-rule px-2.5 py-1 text-xs disabled:opacity-50">
                  {t("suggestions.dismiss")}
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
