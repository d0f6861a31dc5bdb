"use client";
/**
 * The selected claim in the panel: its workflow steps (with a note where one is needed),
 * assignment, edit and delete, and its history and discussion.
 */
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/messages";
import type { Transition } from "@/lib/domain/claim-workflow";
import { ClaimHistory } from "./claim-history";
import { ClaimComments } from "./claim-comments";
import { AnchorProblem } from "./anchor-problem";
import type { StaffMember, WorkspaceClaim } from "./types";

/** Steps that ask for a note first: a rejection reason, a correction or retraction note. */
function needsNote(action: Transition, claim: WorkspaceClaim): boolean {
  return action === "reject" || action === "retract" || (action === "publish" && claim.hasPublishedVersion);
}

const PRIMARY: Transition[] = ["submit", "approve", "publish"];

interface Props {
  claim: WorkspaceClaim;
  staff: StaffMember[];
  busy: boolean;
  onTransition: (action: Transition, note: string) => Promise<boolean>;
  onAssign: (assigneeId: string | null) => void;
  onEdit: () => void;
  onDelete: () => void;
  onRestore: (revision: number) => void;
  /** The article text at the claim's current position (for a changed passage). */
  currentText: string;
  /** The text currently selected in the article, for re-attaching. */
  selection: string | null;
  onConfirmAnchor: () => void;
  onReattach: () => void;
}

export function ClaimDetail({ claim, staff, busy, onTransition, onAssign, onEdit, onDelete, onRestore, currentText, selection, onConfirmAnchor, onReattach }: Props) {
  const { t } = useI18n();
  const [noteFor, setNoteFor] = useState<Transition | null>(null);
  const [note, setNote] = useState("");
  const [tab, setTab] = useState<"history" | "comments">("history");

  async function take(action: Transition) {
    if (needsNote(action, claim) && noteFor !== action) {
      setNoteFor(action);
      setNote("");
      return;
    }
    if (await onTransition(action, note)) setNoteFor(null);
  }

  return (
    <div className="mt-3 space-y-4 border-t border-rule pt-3" data-testid="claim-detail">
      {claim.anchorStatus !== "ANCHORED" && (
        <AnchorProblem claim={claim} currentText={currentText} selection={selection} busy={busy} onConfirm={onConfirmAnchor} onReattach={onReattach} />
      )}
      {claim.status === "DRAFT" && claim.rejectionReason && (
        <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <span className="font-semibold">{t("detail.rejected")}</span> {claim.rejectionReason}
        </p>
      )}
      {claim.hasPublishedVersion && claim.status !== "PUBLISHED" && claim.status !== "RETRACTED" && (
        <p className="rounded bg-sky-50 px-3 py-2 text-xs text-sky-950">{t("detail.publishedVersionLive")}</p>
      )}

      {claim.can.transitions.length > 0 && (
        <div className="flex flex-wrap gap-2">
          {claim.can.transitions.map((action) => (
            <button key={action} type="button" disabled={busy} onClick={() => take(action)}
              className={`rounded px-3 py-1.5 text-sm font-semibold disabled:opacity-50 ${PRIMARY.includes(action) ? "bg-accent text-white hover:bg-[#163d6c]" : action === "retract" || action === "reject" ? "border border-red-300 text-red-800 hover:bg-red-50" : "border border-rule hover:bg-slate-50"}`}>
              {t(`action.${action}${action === "publish" && claim.hasPublishedVersion ? "Correction" : ""}` as MessageKey)}
            </button>
          ))}
        </div>
      )}
      {noteFor && (
        <div className="space-y-2 rounded border border-rule bg-slate-50 p-3">
          <label htmlFor={`note-${claim.id}`} className="block text-sm font-semibold">{t(`note.${noteFor}` as MessageKey)}</label>
          <textarea id={`note-${claim.id}`} rows={3} value={note} onChange={(e) => setNote(e.target.value)} className="w-full rounded border border-slate-300 px-2 py-1.5 text-sm" />
          <div className="flex gap-2">
            <button type="button" disabled={busy || note.trim() === ""} onClick={() => take(noteFor)} className="rounded bg-accent px-3 py-1 text-sm font-semibold text-white disabled:opacity-50">
              {t("note.confirm")}
            </button>
            <button type="button" onClick={() => setNoteFor(null)} className="rounded border border-rule px-3 py-1 text-sm">{t("form.cancel")}</button>
          </div>
        </div>
      )}

      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={`assignee-${claim.id}`} className="text-slate-600">{t("detail.assignee")}</label>
        <select id={`assignee-${claim.id}`} disabled={!claim.can.assign || busy} value={claim.assignee?.id ?? ""}
          onChange={(e) => onAssign(e.target.value || null)} className="rounded border border-slate-300 px-2 py-1 text-sm disabled:bg-slate-50">
          <option value="">{t("detail.nobody")}</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>{s.name}</option>
          ))}
        </select>
        <span className="grow" />
        {claim.can.edit && claim.status !== "RETRACTED" && (
          <button type="button" onClick={onEdit} className="rounded border border-rule px-2.5 py-1 text-xs hover:bg-slate-50">{t("workspace.edit")}</button>
        )}
        {claim.can.delete && (
          <button type="button" onClick={onDelete} className="rounded border border-red-200 px-2.5 py-1 text-xs text-red-700 hover:bg-red-50">{t("workspace.delete")}</button>
        )}
      </div>

      <div>
        <div role="tablist" className="flex gap-4 border-b border-rule text-sm">
          {(["history", "comments"] as const).map((name) => (
            <button key={name} role="tab" type="button" aria-selected={tab === name} onClick={() => setTab(name)}
              className={`-mb-px border-b-2 px-1 pb-1.5 ${tab === name ? "border-accent font-semibold text-ink" : "border-transparent text-slate-600"}`}>
              {t(`detail.${name}` as MessageKey)}
            </button>
          ))}
        </div>
        <div role="tabpanel" className="pt-3">
          {tab === "history" ? <ClaimHistory claimId={claim.id} version={claim.version} canRestore={claim.can.restore} onRestore={onRestore} /> : <ClaimComments claimId={claim.id} />}
        </div>
      </div>
    </div>
  );
}
