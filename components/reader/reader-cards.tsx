"use client";
/**
 * Opens a fact-check card for a highlight: on click, Enter or Space on a highlight, from the
 * claims list, or from a `#claim-<id>` permalink. Escape closes it and returns focus to the
 * highlight. A popover beside the passage on wide screens, a bottom sheet on narrow ones.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useI18n } from "@/lib/i18n/client";
import { ClaimCardContent, type CardClaim } from "./claim-card-content";

const NARROW_SCREEN = "(max-width: 640px)";

export function ReaderCards({ claims, children }: { claims: CardClaim[]; children: ReactNode }) {
  const { locale, t } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const cardRef = useRef<HTMLDivElement>(null);
  const returnFocusRef = useRef<HTMLElement | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  const open = useCallback((id: string, trigger: HTMLElement | null) => {
    const mark = trigger ?? document.getElementById(`claim-${id}`);
    returnFocusRef.current = mark;
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
        const mark = document.getElementById(`claim-${match[1]}`);
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
  return (
    <div
      ref={containerRef}
      className="relative"
      onClick={(e) => {
        const mark = markFrom(e.target);
        if (mark) open(mark.dataset.claimId!, document.getElementById(`claim-${mark.dataset.claimId}`));
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
          </div>
        </>
      )}
    </div>
  );
}
