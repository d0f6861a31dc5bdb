/**
 * The rating scale: one module, so the scale can later become configurable per newsroom.
 *
 * Colours follow the Okabe–Ito palette (distinguishable with the common colour-vision
 * deficiencies), and every verdict also has a glyph, so colour is never the only signal.
 */

export const VERDICTS = [
  "TRUE",
  "MOSTLY_TRUE",
  "MIXED",
  "MOSTLY_FALSE",
  "FALSE",
  "MISLEADING",
  "UNPROVEN",
] as const;

export type Verdict = (typeof VERDICTS)[number];

export type Locale = "de" | "en";

export interface VerdictInfo {
  id: Verdict;
  label: Record<Locale, string>;
  /** Solid colour for badges, borders and underlines (white text on it has ≥ 4.5:1 contrast). */
  color: string;
  /** Light tint behind highlighted text (dark text on it has ≥ 7:1 contrast). */
  tint: string;
  /** A short glyph shown next to every highlight and label. */
  glyph: string;
}

export const VERDICT_SCALE: Record<Verdict, VerdictInfo> = {
  TRUE: { id: "TRUE", label: { de: "Richtig", en: "True" }, color: "#005a8c", tint: "#d6ecfa", glyph: "✓" },
  MOSTLY_TRUE: { id: "MOSTLY_TRUE", label: { de: "Überwiegend richtig", en: "Mostly true" }, color: "#1f6f8b", tint: "#dff3f7", glyph: "≈" },
  MIXED: { id: "MIXED", label: { de: "Teils, teils", en: "Mixed" }, color: "#8a5a00", tint: "#fbedc9", glyph: "±" },
  MOSTLY_FALSE: { id: "MOSTLY_FALSE", label: { de: "Überwiegend falsch", en: "Mostly false" }, color: "#a4461b", tint: "#fbe0cf", glyph: "≉" },
  FALSE: { id: "FALSE", label: { de: "Falsch", en: "False" }, color: "#b3261e", tint: "#fadbd8", glyph: "✗" },
  MISLEADING: { id: "MISLEADING", label: { de: "Irreführend", en: "Misleading" }, color: "#8e3a78", tint: "#f5dcef", glyph: "!" },
  UNPROVEN: { id: "UNPROVEN", label: { de: "Unbelegt", en: "Unproven" }, color: "#4b5563", tint: "#e7e9ed", glyph: "?" },
};

export function isVerdict(value: unknown): value is Verdict {
  return typeof value === "string" && (VERDICTS as readonly string[]).includes(value);
}

export function verdictLabel(verdict: Verdict, locale: Locale): string {
  return VERDICT_SCALE[verdict].label[locale];
}

/** Counts per verdict, in scale order, including zeros. */
export function countByVerdict(claims: readonly { verdict: string }[]): Record<Verdict, number> {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const claim of claims) if (isVerdict(claim.verdict)) counts[claim.verdict] += 1;
  return counts;
}
