"use client";
/** The claim's timeline (who, when, what changed from what), with restore for editors. */
import { useEffect, useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/messages";
import { claimHistoryAction } from "@/app/review/[slug]/actions";
import { LoadingNote } from "@/components/layout/loading";

interface Revision {
  version: number;
  action: string;
  note: string | null;
  actor: string | null;
  createdAt: Date;
  changes: { field: string; from: unknown; to: unknown }[];
}

const HIDDEN_FIELDS = new Set(["start", "end", "exact", "sources", "assigneeId", "anchorStatus"]);

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function ClaimHistory({ claimId, version, canRestore, onRestore }: { claimId: string; version: number; canRestore: boolean; onRestore: (revision: number) => void }) {
  const { locale, t } = useI18n();
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    claimHistoryAction(claimId).then((result) => {
      if (cancelled) return;
      if (result.ok) setRevisions(result.data);
      else setError(result.message);
    });
    return () => {
      cancelled = true;
    };
  }, [claimId, version]);

  if (error) return <p className="text-sm text-red-700">{error}</p>;
  if (!revisions) return <LoadingNote label={t("loading")} />;
  const time = new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
  return (
    <ol className="space-y-3 border-l-2 border-rule pl-4" data-testid="history">
      {[...revisions].reverse().map((r) => (
        <li key={r.version} className="relative text-sm">
          <span aria-hidden className="absolute -left-[1.4rem] top-1.5 h-2.5 w-2.5 rounded-full border-2 border-white bg-slate-400" />
          <p>
            <span className="font-semibold">{t(`history.${r.action}` as MessageKey)}</span>{" "}
            <span className="text-slate-600">
              · {r.actor ?? "—"} · {time.format(new Date(r.createdAt))} · v{r.version}
            </span>
          </p>
          {r.note && <p className="mt-0.5 italic text-slate-700">„{r.note}“</p>}
          <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
            {r.changes
              .filter((c) => r.action !== "create" && !HIDDEN_FIELDS.has(c.field))
              .map((c) => (
                <li key={c.field}>
                  {t(`field.${c.field}` as MessageKey)}: <del className="text-red-800">{show(c.from)}</del> → <ins className="text-emerald-800 no-underline">{show(c.to)}</ins>
                </li>
              ))}
            {r.changes.some((c) => c.field === "sources") && r.action !== "create" && <li>{t("field.sources")}: {t("history.sourcesChanged")}</li>}
          </ul>
          {canRestore && r.version < version && ["create", "edit", "restore"].includes(r.action) && (
            <button type="button" onClick={() => onRestore(r.version)} className="mt-1 rounded border border-rule px-2 py-0.5 text-xs hover:bg-slate-50">
              {t("history.restore")}
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
