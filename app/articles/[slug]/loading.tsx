export default function Loading() {
  return (
    <div className="mx-auto max-w-3xl animate-pulse px-4 py-10" aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <div className="h-8 w-2/3 rounded bg-slate-200" />
      <div className="mt-6 space-y-3">
        <div className="h-4 rounded bg-slate-200" />
        <div className="h-4 w-11/12 rounded bg-slate-200" />
        <div className="h-4 w-4/5 rounded bg-slate-200" />
      </div>
    </div>
  );
}
