"use client";
/** An article's review progress for staff: claims per workflow state, and anchoring problems. */
import { useI18n } from "@/lib/i18n/client";
import { CLAIM_STATUSES, type ClaimStatus } from "@/lib/domain/claim-workflow";

export const STATUS_STYLE: Record<ClaimStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-800",
  IN_REVIEW: "bg-amber-100 text-amber-900",
  APPROVED: "bg-sky-100 text-sky-900",
  PUBLISHED: "bg-emerald-100 text-emerald-900",
  RETRACTED: "bg-zinc-200 text-zinc-800 line-through",
};

export function ProgressCounts({ progress }: { progress: Record<ClaimStatus | "NEEDS_ATTENTION", number> }) {
  const { t } = useI18n();
  return (
    <ul className="flex flex-wrap gap-1.5 text-xs" aria-label={t("progress.label")} data-testid="progress">
      {CLAIM_STATUSES.filter((s) => progress[s] > 0).map((s) => (
        <li key={s} className={`rounded px-2 py-0.5 font-medium ${STATUS_STYLE[s]}`} data-status={s}>
          {t(`workspace.status.${s}`)}: <span className="tabular-nums">{progress[s]}</span>
        </li>
      ))}
      {progress.NEEDS_ATTENTION > 0 && (
        <li className="rounded bg-red-100 px-2 py-0.5 font-semibold text-red-900" data-status="NEEDS_ATTENTION">
          ⚠ {t("progress.needsAttention", { count: progress.NEEDS_ATTENTION })}
        </li>
      )}
    </ul>
  );
}
