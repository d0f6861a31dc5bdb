import { VERDICT_SCALE, type Verdict, type Locale } from "@/lib/domain/verdicts";

/** A verdict label with its colour and glyph (never colour alone). */
export function VerdictBadge({ verdict, locale, count, size = "sm" }: { verdict: Verdict; locale: Locale; count?: number; size?: "sm" | "md" }) {
  const info = VERDICT_SCALE[verdict];
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full font-semibold text-white ${size === "md" ? "px-3 py-1 text-sm" : "px-2 py-0.5 text-xs"}`}
      style={{ backgroundColor: info.color }}
      data-verdict={verdict}
    >
      <span aria-hidden>{info.glyph}</span>
      <span>{info.label[locale]}</span>
      {count !== undefined && <span className="rounded-full bg-black/25 px-1.5 tabular-nums">{count}</span>}
    </span>
  );
}

/** Counts per verdict, only the verdicts that occur. */
export function VerdictCounts({ counts, locale }: { counts: Record<Verdict, number>; locale: Locale }) {
  const present = (Object.keys(counts) as Verdict[]).filter((v) => counts[v] > 0);
  if (present.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5">
      {present.map((v) => (
        <li key={v}>
          <VerdictBadge verdict={v} locale={locale} count={counts[v]} />
        </li>
      ))}
    </ul>
  );
}

/** A claim in a list: its verdict's glyph, then "Verdict: claim". */
export function VerdictLine({ verdict, claimText, locale }: { verdict: Verdict; claimText: string; locale: Locale }) {
  const info = VERDICT_SCALE[verdict];
  return (
    <>
      <span aria-hidden className="font-bold" style={{ color: info.color }}>
        {info.glyph}
      </span>
      <span>
        <span className="font-medium">{info.label[locale]}:</span> {claimText}
      </span>
    </>
  );
}
