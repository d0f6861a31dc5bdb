/**
 * Short human-readable reasons for a suggestion, in the article's language:
 * "Zahl: 4,8 Millionen Artilleriegeschosse", "contains a figure: 4.8 million shells",
 * "Superlativ/Vergleich: „das erste Mal“", "Zuschreibung: berichtete Bloomberg".
 */
import type { AttributionSignal } from "./attribution";
import type { ComparisonSignal } from "./comparison";
import type { QuoteRegion } from "./quotes";
import type { Figure, Language, SuggestionKind } from "./types";

interface ReasonInput {
  figures: Figure[];
  comparisons: ComparisonSignal[];
  attributions: AttributionSignal[];
  quotes: QuoteRegion[];
}

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The figures worth naming (claims first), at most two. */
function figureList(figures: Figure[]): string {
  const named = figures.filter((f) => f.unit !== "ordinal" && f.unit !== "time" && f.unit !== "age");
  return (named.length ? named : figures).slice(0, 2).map((f) => clip(f.text, 40)).join(", ");
}

export function reasonFor(kind: SuggestionKind, language: Language, sig: ReasonInput, claimant?: string): string {
  const de = language === "de";
  const cue = sig.attributions[0]?.text;
  const source = claimant ?? (cue ? (de ? `„${cue}“` : `“${cue}”`) : undefined);
  switch (kind) {
    case "figure":
      return de ? `Zahl: ${figureList(sig.figures)}` : `contains a figure: ${figureList(sig.figures)}`;
    case "comparison": {
      const c = (sig.comparisons.find((x) => x.strong) ?? sig.comparisons[0])?.text ?? "";
      return de ? `Vergleich/Superlativ: „${clip(c)}“` : `comparison/superlative: “${clip(c)}”`;
    }
    case "quote":
      return de ? `Direktes Zitat${claimant ? ` (${claimant})` : ""}` : `direct quote${claimant ? ` (${claimant})` : ""}`;
    case "attribution":
      return de ? `Zuschreibung${source ? `: ${source}` : " (indirekte Rede)"}` : `attributed statement${source ? `: ${source}` : ""}`;
  }
}
