"use client";
/** The claims panel: every claim of the article in reading order; the selected one opens its details. */
import { useEffect, useRef, type ReactNode } from "react";
import { useI18n } from "@/lib/i18n/client";
import { VerdictBadge } from "@/components/verdict/verdict-badge";
import { STATUS_STYLE } from "@/components/articles/progress-counts";
import type { WorkspaceClaim } from "./types";

interface Props {
  claims: WorkspaceClaim[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  renderDetail: (claim: WorkspaceClaim) => ReactNode;
}

export function ClaimList({ claims, selectedId, onSelect, renderDetail }: Props) {
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
              <li key={c.id} data-item={c.id} data-status={c.status} className={`rounded-lg border p-3 ${selected ? "border-accent bg-blue-50/40 ring-1 ring-accent" : "border-rule"}`}>
                <button type="button" onClick={() => onSelect(c.id)} aria-current={selected ? "true" : undefined} aria-expanded={selected} className="block w-full text-left">
                  <span className="flex flex-wrap items-center gap-2">
                    <VerdictBadge verdict={c.verdict} locale={locale} />
                    <span className={`rounded px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide ${STATUS_STYLE[c.status]}`} data-testid="claim-status">
                      {t(`workspace.status.${c.status}`)}
                    </span>
                    {c.anchorStatus !== "ANCHORED" && (
                      <span className="rounded bg-red-100 px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide text-red-900">
                        ⚠ {t(`anchor.${c.anchorStatus}`)}
                      </span>
                    )}
                  </span>
                  <span className="mt-2 block text-sm font-semibold leading-snug">{c.claimText}</span>
                  <span className="mt-1 line-clamp-2 block text-xs italic text-slate-600">„{c.exact}“</span>
                  <span className="mt-1 block text-xs text-slate-500">
                    {c.claimant} · {t("workspace.by", { name: c.authorName })}
                    {c.assignee && <> · {t("detail.assignedTo", { name: c.assignee.name })}</>}
                  </span>
                </button>
                {selected && renderDetail(c)}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
