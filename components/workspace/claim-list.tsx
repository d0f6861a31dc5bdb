"use client";
/** The claims panel: every claim of the article in reading order, with edit and delete for the allowed ones. */
import { useEffect, useRef } from "react";
import { useI18n } from "@/lib/i18n/client";
import { VerdictBadge } from "@/components/verdict/verdict-badge";
import type { Verdict } from "@/lib/domain/verdicts";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";

export interface WorkspaceClaim {
  id: string;
  exact: string;
  start: number;
  end: number;
  claimText: string;
  claimant: string;
  verdict: Verdict;
  rationale: string;
  status: ClaimStatus;
  version: number;
  authorName: string;
  editable: boolean;
  sources: { url: string; title: string; publisher: string; publishedAt: Date | null; excerpt: string; stance: "SUPPORTS" | "REFUTES" | "CONTEXT" }[];
}

interface Props {
  claims: WorkspaceClaim[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onEdit: (claim: WorkspaceClaim) => void;
  onDelete: (claim: WorkspaceClaim) => void;
}

export function ClaimList({ claims, selectedId, onSelect, onEdit, onDelete }: Props) {
  const { locale, t } = useI18n();
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (selectedId) listRef.current?.querySelector(`[data-item="${selectedId}"]`)?.scrollIntoView({ block: "nearest" });
  }, [selectedId]);

  return (
    <section>
      <h2 className="flex items-baseline justify-between font-serif text-xl font-bold">
        {t("workspace.claims")} <span className="font-sans text-sm font-normal text-slate-500">{claims.length}</span>
      </h2>
      {claims.length === 0 ? (
        <p className="mt-4 rounded border border-dashed border-rule p-4 text-sm text-slate-600">{t("workspace.noClaims")}</p>
      ) : (
        <ol ref={listRef} className="mt-3 space-y-2" data-testid="claim-list">
          {claims.map((c) => {
            const selected = c.id === selectedId;
            return (
              <li key={c.id} data-item={c.id} className={`rounded-lg border p-3 ${selected ? "border-accent bg-blue-50/50 ring-1 ring-accent" : "border-rule"}`}>
                <button type="button" onClick={() => onSelect(c.id)} aria-current={selected ? "true" : undefined} className="block w-full text-left">
                  <span className="flex flex-wrap items-center gap-2">
                    <VerdictBadge verdict={c.verdict} locale={locale} />
                    <span className={`rounded px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide ${c.status === "PUBLISHED" ? "bg-emerald-100 text-emerald-900" : "bg-amber-100 text-amber-900"}`}>
                      {t(`workspace.status.${c.status}`)}
                    </span>
                  </span>
                  <span className="mt-2 block text-sm font-semibold leading-snug">{c.claimText}</span>
                  <span className="mt-1 line-clamp-2 block text-xs italic text-slate-600">„{c.exact}“</span>
                  <span className="mt-1 block text-xs text-slate-500">
                    {c.claimant} · {t("workspace.by", { name: c.authorName })}
                  </span>
                </button>
                {c.editable && (
                  <div className="mt-2 flex gap-2 border-t border-rule pt-2">
                    <button type="button" onClick={() => onEdit(c)} className="rounded border border-rule px-2 py-0.5 text-xs hover:bg-slate-50">
                      {t("workspace.edit")}
                    </button>
                    <button type="button" onClick={() => onDelete(c)} className="rounded border border-red-200 px-2 py-0.5 text-xs text-red-700 hover:bg-red-50">
                      {t("workspace.delete")}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
