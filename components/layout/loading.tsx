/**
 * Progress indicators. Only the spinner moves: text that fades in and out (animate-pulse) drops
 * below WCAG contrast at its faint end, so the words stay steady beside it.
 */
export function Spinner() {
  return <span aria-hidden="true" className="inline-block h-4 w-4 shrink-0 animate-spin rounded-full border-2 border-current border-r-transparent" />;
}

/** "Loading…" in a panel that fetches its content after it appears. */
export function LoadingNote({ label, className = "" }: { label: string; className?: string }) {
  return (
    <p role="status" className={`flex items-center gap-2 text-sm text-slate-600 ${className}`}>
      <Spinner />
      {label}
    </p>
  );
}
