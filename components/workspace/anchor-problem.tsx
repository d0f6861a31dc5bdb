"use client";
/**
 * A claim whose passage changed in a correction of the article: the checked quote next to the
 * current text, with one click to confirm it, or re-attach it to a newly selected passage.
 */
import { useI18n } from "@/lib/i18n/client";
import type { WorkspaceClaim } from "./types";

interface Props {
  claim: WorkspaceClaim;
  currentText: string;
  selection: string | null;
  busy: boolean;
  onConfirm: () => void;
  onReattach: () => void;
}

export function AnchorProblem({ claim, currentText, selection, busy, onConfirm, onReattach }: Props) {
  const { t } = useI18n();
  return (
    <div className="space-y-2 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-950" data-testid="anchor-problem">
      <p className="font-semibold">{t(claim.anchorStatus === "CHANGED" ? "anchor.changedExplained" : "anchor.orphanedExplained")}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-1">
        <dt className="text-xs font-semibold uppercase tracking-wide">{t("anchor.checkedQuote")}</dt>
        <dd className="italic" data-testid="old-quote">„{claim.exact}“</dd>
        {claim.anchorStatus === "CHANGED" && (
          <>
            <dt className="text-xs font-semibold uppercase tracking-wide">{t("anchor.currentText")}</dt>
            <dd className="italic" data-testid="current-text">„{currentText}“</dd>
          </>
        )}
      </dl>
      <div className="flex flex-wrap gap-2">
        {claim.anchorStatus === "CHANGED" && (
          <button type="button" disabled={busy} onClick={onConfirm} className="rounded bg-red-800 px-3 py-1 text-xs font-semibold text-white disabled:opacity-50">
            {t("anchor.confirm")}
          </button>
        )}
        {claim.can.edit && (
          <button type="button" disabled={busy || !selection} onMouseDown={(e) => e.preventDefault()} onClick={onReattach}
            className="rounded border border-red-800 px-3 py-1 text-xs font-semibold disabled:opacity-50" title={selection ? `„${selection}“` : t("anchor.selectFirst")}>
            {selection ? t("anchor.reattachTo", { quote: selection.length > 40 ? `${selection.slice(0, 40)}…` : selection }) : t("anchor.selectFirst")}
          </button>
        )}
      </div>
    </div>
  );
}
