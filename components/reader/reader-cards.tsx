"use client";
/**
 * Opens a fact-check card for a highlight: on click, Enter or Space on a highlight, from the
 * claims list, or from a `#claim-<id>` permalink. Escape closes it and returns focus to the
 * highlight. A popover beside the passage on wide screens, a bottom sheet on narrow ones.
 * Where claims overlap, a highlight opens the shortest claim under it and its card offers the
 * others at that place — so a claim on exactly the same words as another stays reachable too.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useI18n } from "@/lib/i18n/client";
import { VerdictLine } from "@/components/verdict/verdict-badge";
import { ClaimCardContent, type CardClaim } from "./claim-card-content";

const NARROW_SCREEN = "(max-width: 640px)";

/** The highlight where claim `id` starts (a claim on the same words as a shorter one has no mark of its own). */
function markOf(id: string): HTMLElement | null {
  return document.getElementById(`claim-${id}`) ?? document.querySelector<HTMLElement>(`[data-claim-ids~="${CSS.escape(id)}"]`);
}

/** The claims highlighted at `mark`, as its data-claim-ids lists them (shortest first). */
function claimsAt(mark: HTMLElement | null): string[] {
  return mark?.dataset.claimIds?.split(" ").filter(Boolean) ?? [];
}

export function ReaderCards({ claims, children }: { claims: CardClaim[]; children: ReactNode }) {
  const { locale, t } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const cardRef = useRef<HTMLDivElement>(null);
  const returnFocusRef = useRef<HTMLElement | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const [others, setOthers] = useState<string[]>([]);

  const open = useCallback((id: string, trigger: HTMLElement | null) => {
    const mark = trigger ?? markOf(id);
    returnFocusRef.current = mark;
    setOthers(claimsAt(mark).filter((other) => other !== id));
    if (mark && !window.matchMedia(NARROW_SCREEN).matches) {
      const rect = mark.getBoundingClientRect();
      const container = containerRef.current!.getBoundingClientRect();
      setPosition({ top: rect.bottom - container.top + 8, left: Math.max(0, Math.min(rect.left - container.left, container.width - 384)) });
    } else {
      setPosition(null);
    }
    setOpenId(id);
  }, []);

  const close = useCallback(() => {
    setOpenId(null);
    returnFocusRef.current?.focus();
  }, []);

  useEffect(() => {
    const openFromHash = () => {
      const match = /^#claim-(.+)$/.exec(window.location.hash);
      if (match && claims.some((c) => c.id === match[1])) {
        const mark = markOf(match[1]);
        mark?.scrollIntoView({ block: "center" });
        open(match[1], mark);
      }
    };
    openFromHash();
    window.addEventListener("hashchange", openFromHash);
    return () => window.removeEventListener("hashchange", openFromHash);
  }, [claims, open]);

  useEffect(() => {
    if (openId) cardRef.current?.querySelector<HTMLElement>("[data-card-close]")?.focus();
  }, [openId]);

  function markFrom(target: EventTarget | null): HTMLElement | null {
    return target instanceof Element ? target.closest<HTMLElement>("[data-claim-id]") : null;
  }

  const claim = claims.find((c) => c.id === openId);
  const otherClaims = claims.filter((c) => others.includes(c.id));
  return (
    <div
      ref={containerRef}
      className="relative"
      onClick={(e) => {
        const mark = markFrom(e.target);
        if (mark) open(mark.dataset.claimId!, markOf(mark.dataset.claimId!));
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape" && openId) {
          e.preventDefault();
          close();
          return;
        }
        const mark = markFrom(e.target);
        if (mark && (e.key === "Enter" || e.key === " ")) {
          e.preventDefault();
          open(mark.dataset.claimId!, mark);
        }
      }}
    >
      {children}
      {claim && (
        <>
          <div className="fixed inset-0 z-30 bg-black/20 sm:hidden" onClick={close} aria-hidden />
          <div
            ref={cardRef}
            role="dialog"
            aria-modal="false"
            aria-labelledby={`card-title-${claim.id}`}
            data-testid="claim-card"
            className={
              position
                ? "absolute z-40 w-96 max-w-full rounded-lg border border-rule bg-white p-5 shadow-xl"
                : "fixed inset-x-0 bottom-0 z-40 max-h-[80vh] overflow-y-auto rounded-t-2xl border-t border-rule bg-white p-5 shadow-2xl"
            }
            style={position ? { top: position.top, left: position.left } : undefined}
          >
            <button
              type="button"
              data-card-close
              onClick={close}
              className="float-right -mr-1 -mt-1 rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
            >
              {t("reader.close")} <span aria-hidden>×</span>
            </button>
            <ClaimCardContent claim={claim} locale={locale} t={t} headingId={`card-title-${claim.id}`} />
            {otherClaims.length > 0 && (
              <section className="mt-4 border-t border-rule pt-3" data-testid="others-here">
                <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("reader.othersHere")}</h3>
                <ul className="mt-2 space-y-1">
                  {otherClaims.map((other) => (
                    <li key={other.id}>
                      <button
                        type="button"
                        onClick={() => open(other.id, returnFocusRef.current)}
                        className="flex w-full gap-2 rounded px-2 py-1 text-left text-sm hover:bg-slate-50"
                      >
                        <VerdictLine verdict={other.verdict} claimText={other.claimText} locale={locale} />
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
        </>
      )}
    </div>
  );
}
