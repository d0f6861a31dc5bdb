"use client";
/**
 * The review workspace: the article on the left, the claims panel on the right. Selecting
 * a passage (mouse, or Shift+arrows then Enter) opens the claim form prefilled with the quote;
 * clicking a highlight selects its claim in the panel and the other way round.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useRouter } from "next/navigation";
import { useI18n } from "@/lib/i18n/client";
import type { PositionedBlock } from "@/lib/domain/article-text";
import { HighlightedArticle } from "@/components/article/highlighted-article";
import { ClaimForm, EMPTY_SOURCE, type ClaimDraft, type ConflictInfo, type SubmitResult } from "./claim-form";
import { ClaimList } from "./claim-list";
import { ClaimDetail } from "./claim-detail";
import { SuggestionList, type SuggestionItem } from "./suggestion-list";
import type { StaffMember, WorkspaceClaim } from "./types";
import type { Transition } from "@/lib/domain/claim-workflow";
import type { MessageKey } from "@/lib/i18n/messages";
import { modifySelection, readSelection } from "./selection-offsets";
import {
  assignClaimAction,
  confirmAnchorAction,
  createClaimAction,
  deleteClaimAction,
  reattachClaimAction,
  dismissSuggestionAction,
  suggestionsAction,
  restoreRevisionAction,
  transitionClaimAction,
  updateClaimAction,
} from "@/app/review/[slug]/actions";

interface Props {
  slug: string;
  title: string;
  text: string;
  language: string;
  blocks: PositionedBlock[];
  claims: WorkspaceClaim[];
  staff: StaffMember[];
}

type Editor = { mode: "new"; start: number; end: number; claimant?: string } | { mode: "edit"; claim: WorkspaceClaim };

function toDraft(claim: WorkspaceClaim): ClaimDraft {
  return {
    claimText: claim.claimText,
    claimant: claim.claimant,
    verdict: claim.verdict,
    rationale: claim.rationale,
    sources: claim.sources.map((s) => ({
      url: s.url,
      title: s.title,
      publisher: s.publisher,
      publishedAt: s.publishedAt ? s.publishedAt.toISOString().slice(0, 10) : "",
      excerpt: s.excerpt,
      stance: s.stance,
    })),
  };
}

export function ReviewWorkspace({ slug, title, text, language, blocks, claims, staff }: Props) {
  const { locale, t } = useI18n();
  const router = useRouter();
  const articleRef = useRef<HTMLDivElement>(null);
  const paneRef = useRef<HTMLDivElement>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  /** The selected passage and where its "Add claim" button goes, relative to the article pane. */
  const [pending, setPending] = useState<{ start: number; end: number; top: number; left: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [suggestions, setSuggestions] = useState<{ supported: boolean; items: SuggestionItem[] | null }>({ supported: true, items: null });
  const [activeSuggestion, setActiveSuggestion] = useState<string | null>(null);

  /** The claim count the suggestions were last loaded for: they are loading while it differs. */
  const [suggestionsFor, setSuggestionsFor] = useState<number | null>(null);
  // Underlining suggestions splits the article's text nodes anew, which would move a selection
  // being made with the mouse: suggestions that arrive while the button is down wait for it.
  const pointerDown = useRef(false);
  const heldSuggestions = useRef<typeof suggestions | null>(null);
  useEffect(() => {
    const released = () => {
      pointerDown.current = false;
      if (heldSuggestions.current) setSuggestions(heldSuggestions.current);
      heldSuggestions.current = null;
    };
    document.addEventListener("pointerup", released);
    document.addEventListener("pointercancel", released);
    return () => {
      document.removeEventListener("pointerup", released);
      document.removeEventListener("pointercancel", released);
    };
  }, []);

  // Suggestions come from the server's detector; reload them when claims change (new claims cover some).
  useEffect(() => {
    let cancelled = false;
    suggestionsAction(slug).then(
      (result) => {
        if (cancelled) return;
        setSuggestionsFor(claims.length);
        if (!result.ok) return;
        const next = { supported: result.data.supported, items: result.data.suggestions };
        if (pointerDown.current) heldSuggestions.current = next;
        else setSuggestions(next);
      },
      // Unreachable server: no suggestions this time, and the article is not left busy.
      () => {
        if (!cancelled) setSuggestionsFor(claims.length);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [slug, claims.length]);

  const refreshSelection = useCallback(() => {
    const root = articleRef.current;
    if (!root) return;
    const result = readSelection(root, text);
    if (result === "outside") {
      setPending(null);
      setProblem(t("workspace.selectionOutside"));
    } else if (result === "empty") {
      setPending(null);
      setProblem(t("workspace.selectionEmpty"));
    } else if (result) {
      const pane = paneRef.current!.getBoundingClientRect();
      setPending({ start: result.start, end: result.end, top: result.rect.bottom - pane.top + 8, left: Math.max(0, result.rect.left - pane.left) });
      setProblem(null);
    } else {
      setPending(null);
      setProblem(null);
    }
  }, [text, t]);

  useEffect(() => {
    document.addEventListener("selectionchange", refreshSelection);
    return () => document.removeEventListener("selectionchange", refreshSelection);
  }, [refreshSelection]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 4000);
    return () => clearTimeout(timer);
  }, [notice]);

  function openNewClaim(passage: { start: number; end: number } | null = pending) {
    if (!passage) return;
    setEditor({ mode: "new", start: passage.start, end: passage.end });
    setSelectedId(null);
    setPending(null);
    window.getSelection()?.removeAllRanges();
  }

  function onArticleKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const root = articleRef.current!;
    if (e.key.startsWith("Arrow") && (e.shiftKey || root.contains(window.getSelection()?.anchorNode ?? null))) {
      if (modifySelection(root, e.key, e.shiftKey, e.ctrlKey || e.altKey)) e.preventDefault();
    } else if (e.key === "Enter" && pending) {
      // The selection as it is now: `pending` follows selectionchange events, which may still be
      // queued behind the last Shift+arrow.
      const live = readSelection(root, text);
      e.preventDefault();
      openNewClaim(live && typeof live === "object" ? live : pending);
    } else if (e.key === "Enter" || e.key === " ") {
      const mark = (e.target as Element).closest<HTMLElement>("[data-claim-id]");
      if (mark) {
        e.preventDefault();
        setSelectedId(mark.dataset.claimId!);
      }
    }
  }

  function selectFromPanel(id: string) {
    setSelectedId(id);
    document.getElementById(`claim-${id}`)?.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  async function save(draft: ClaimDraft, baseVersion?: number): Promise<SubmitResult> {
    const content = { ...draft, verdict: draft.verdict || undefined };
    const result =
      editor?.mode === "edit"
        ? await updateClaimAction({ ...content, claimId: editor.claim.id, version: baseVersion ?? editor.claim.version })
        : await createClaimAction({ ...content, articleSlug: slug, passage: { start: (editor as { start: number }).start, end: (editor as { end: number }).end } });
    if (!result.ok) return { ...result, conflict: result.code === "CONFLICT" ? (result.details as ConflictInfo | undefined) : undefined };
    setEditor(null);
    setSelectedId(result.data.id);
    setNotice(t("workspace.saved"));
    router.refresh();
    return { ok: true };
  }

  /** Runs a workflow step or assignment and reports the outcome in the notice area. */
  async function run(work: () => Promise<{ ok: boolean; message?: string }>, done: string): Promise<boolean> {
    setBusy(true);
    const result = await work().catch(() => ({ ok: false, message: t("error.generic") }));
    setBusy(false);
    setNotice(result.ok ? done : (result.message ?? t("error.generic")));
    if (result.ok) router.refresh();
    return result.ok;
  }

  function transition(claim: WorkspaceClaim, action: Transition, note: string) {
    const step = t(`action.${action}` as MessageKey);
    return run(() => transitionClaimAction({ claimId: claim.id, version: claim.version, action, note }), t("workspace.stepDone", { step }));
  }

  function acceptSuggestion(s: SuggestionItem) {
    setEditor({ mode: "new", start: s.start, end: s.end, claimant: s.claimant });
    setSelectedId(null);
  }

  async function dismissSuggestion(s: SuggestionItem) {
    const ok = await run(() => dismissSuggestionAction({ slug, start: s.start, end: s.end, text: s.text }), t("suggestions.dismissed"));
    if (ok) setSuggestions((current) => ({ ...current, items: current.items?.filter((x) => x.id !== s.id) ?? null }));
  }

  function selectSuggestion(s: SuggestionItem) {
    setActiveSuggestion(s.id);
    document.querySelector(`[data-suggestion-id="${s.id}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  async function remove(claim: WorkspaceClaim) {
    if (!window.confirm(t("workspace.confirmDelete"))) return;
    if (await run(() => deleteClaimAction({ claimId: claim.id, version: claim.version }), t("workspace.deleted"))) setSelectedId(null);
  }

  // Orphaned claims have no passage to paint; changed ones are painted where their words are now.
  const highlights = claims
    .filter((c) => c.anchorStatus !== "ORPHANED")
    .map((c) => ({ id: c.id, start: c.start, end: c.end, verdict: c.verdict, draft: c.status !== "PUBLISHED", changed: c.anchorStatus === "CHANGED" }));
  const needsAttention = claims.filter((c) => c.anchorStatus !== "ANCHORED");
  const editorQuote = editor?.mode === "edit" ? editor.claim.exact : editor ? text.slice(editor.start, editor.end) : "";

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_26rem]">
      <div ref={paneRef} className="relative">
        {needsAttention.length > 0 && (
          <div role="status" className="mb-4 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-950" data-testid="attention-banner">
            <p className="font-semibold">⚠ {needsAttention.length === 1 ? t("anchor.bannerOne") : t("anchor.banner", { count: needsAttention.length })}</p>
            <ul className="mt-1 flex flex-wrap gap-2">
              {needsAttention.map((c) => (
                <li key={c.id}>
                  <button type="button" onClick={() => selectFromPanel(c.id)} className="rounded border border-red-300 bg-white px-2 py-0.5 text-xs hover:bg-red-100">
                    {t(`anchor.${c.anchorStatus as "CHANGED" | "ORPHANED"}`)}: „{c.exact.length > 40 ? `${c.exact.slice(0, 40)}…` : c.exact}“
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <p id="workspace-hint" className="mb-4 rounded border border-rule bg-white px-3 py-2 text-sm text-slate-600">
          {t("workspace.hint")}
        </p>
        {problem && (
          <p role="status" className="mb-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="selection-problem">
            {problem}
          </p>
        )}
        <div
          ref={articleRef}
          tabIndex={0}
          role="region"
          aria-label={title}
          aria-describedby="workspace-hint"
          lang={language === "other" ? undefined : language}
          data-testid="workspace-article"
          aria-busy={suggestionsFor !== claims.length}
          className="rounded-lg border border-rule bg-white p-6 font-serif text-[1.1rem] shadow-sm sm:p-8"
          onKeyDown={onArticleKeyDown}
          onPointerDown={() => (pointerDown.current = true)}
          onClick={(e) => {
            if (window.getSelection()?.isCollapsed === false) return;
            const mark = (e.target as Element).closest<HTMLElement>("[data-claim-id]");
            if (mark) setSelectedId(mark.dataset.claimId!);
            const suggestion = (e.target as Element).closest<HTMLElement>("[data-suggestion-id]");
            if (suggestion) setActiveSuggestion(suggestion.dataset.suggestionId!);
          }}
        >
          <h1 className="mb-6 font-serif text-3xl font-bold leading-tight">{title}</h1>
          <HighlightedArticle blocks={blocks} highlights={highlights} locale={locale} selectedId={selectedId} focusable={false} suggestions={suggestions.items ?? []} />
        </div>
        {pending && (
          <button
            type="button"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => openNewClaim()}
            data-testid="add-claim"
            className="absolute z-20 rounded-full bg-ink px-4 py-2 text-sm font-semibold text-white shadow-lg hover:bg-slate-800"
            style={{ top: pending.top, left: pending.left }}
          >
            + {t("workspace.addClaim")} <kbd className="ml-1 rounded bg-white/20 px-1 text-xs">Enter</kbd>
          </button>
        )}
      </div>

      <aside aria-label={t("workspace.claims")} className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
        <div aria-live="polite" className="min-h-0">
          {notice && <p className="mb-3 rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="notice">{notice}</p>}
        </div>
        {!editor && (
          <SuggestionList
            suggestions={suggestions.items}
            supported={suggestions.supported}
            activeId={activeSuggestion}
            busy={busy}
            onSelect={selectSuggestion}
            onAccept={acceptSuggestion}
            onDismiss={(s) => void dismissSuggestion(s)}
          />
        )}
        <div className="rounded-lg border border-rule bg-white p-5 shadow-sm">
          {editor ? (
            <ClaimForm
              key={editor.mode === "edit" ? editor.claim.id : `${editor.start}-${editor.end}`}
              title={editor.mode === "edit" ? t("form.editClaim") : t("form.newClaim")}
              quote={editorQuote}
              initial={
                editor.mode === "edit"
                  ? toDraft(editor.claim)
                  : { claimText: editorQuote, claimant: editor.claimant ?? "", verdict: "", rationale: "", sources: [{ ...EMPTY_SOURCE }] }
              }
              onSubmit={save}
              onCancel={() => setEditor(null)}
            />
          ) : (
            <ClaimList
              claims={claims}
              selectedId={selectedId}
              onSelect={selectFromPanel}
              renderDetail={(c) => (
                <ClaimDetail
                  claim={c}
                  staff={staff}
                  busy={busy}
                  onTransition={(action, note) => transition(c, action, note)}
                  onAssign={(assigneeId) => void run(() => assignClaimAction({ claimId: c.id, version: c.version, assigneeId }), t("history.assign"))}
                  onEdit={() => setEditor({ mode: "edit", claim: c })}
                  onDelete={() => void remove(c)}
                  onRestore={(revision) => void run(() => restoreRevisionAction({ claimId: c.id, version: c.version, revision }), t("history.restore"))}
                  currentText={text.slice(c.start, c.end)}
                  selection={pending ? text.slice(pending.start, pending.end) : null}
                  onConfirmAnchor={() => void run(() => confirmAnchorAction({ claimId: c.id, version: c.version }), t("history.confirm"))}
                  onReattach={() => {
                    if (!pending) return;
                    const passage = { start: pending.start, end: pending.end };
                    void run(() => reattachClaimAction({ claimId: c.id, version: c.version, passage }), t("history.reattach"));
                  }}
                />
              )}
            />
          )}
        </div>
      </aside>
    </div>
  );
}
