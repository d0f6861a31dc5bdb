/**
 * Claim suggestions for an article: at most one per sentence, with the kind of
 * the strongest signal (strong comparison > figure > comparison of change >
 * quote > attribution), the figures in the span, a short reason and the
 * claimant when one was named.
 *
 * Headlines/intertitles (a line without closing punctuation) and questions are
 * never suggested. The span is the sentence without a leading connective or
 * dateline ("Denn:", "Moskau – "); long figure/comparison sentences without an
 * attribution are narrowed to the clauses carrying the signal.
 */
import { findAttributions, type AttributionSignal } from "./attribution";
import { findComparisons, type ComparisonSignal } from "./comparison";
import { parseFigures } from "./numbers";
import { findQuotes, quotesIn, type QuoteRegion } from "./quotes";
import { reasonFor } from "./reasons";
import { atLineEnd, atLineStart } from "./regex";
import { splitSentences } from "./sentences";
import type { Figure, Language, Span, Suggestion, SuggestionKind } from "./types";

/** Figures that make a sentence a candidate; ages, times and day-only dates do not. */
export function isTriggerFigure(f: Figure): boolean {
  if (f.unit === "age" || f.unit === "time") return false;
  if (f.unit === "date" && f.iso?.startsWith("--")) return false; // "am 14. Mai": schedules, not claims
  return true;
}

/** A line of its own without closing punctuation: a headline, intertitle or site chrome. */
function isHeading(text: string, s: Span): boolean {
  const ownLine = atLineStart(text, s.start) && atLineEnd(text, s.end);
  return ownLine && !/[.!?…:“”"»«)]$/.test(text.slice(s.start, s.end));
}

/** A question: ends with "?" outside quotes. */
function isQuestion(text: string, s: Span, quotes: QuoteRegion[]): boolean {
  const last = text.slice(s.start, s.end).replace(/[“”"»«„]+$/, "");
  return last.endsWith("?") && !quotes.some((q) => q.words >= 4 && q.start <= s.start && q.end >= s.end - 1);
}

/** Drop a leading connective/dateline ("Denn: ", "Und ", "Moskau/Pjöngjang – ") and a trailing author tag. */
function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  const lead = /^(?:(?:Denn|Aber|Doch|Und|Also|Zudem|But|And|So|Also|However|Meanwhile):\s+|[\p{Lu}][\p{L}/.-]*(?:\s[\p{Lu}][\p{L}/.-]*)?\s[–—]\s(?=\p{Lu}))/u.exec(text.slice(start, end));
  if (lead && lead[0].length < (end - start) / 2) start += lead[0].length;
  const tag = /\s*\([\p{Ll}]{2,8}\)$/u.exec(text.slice(start, end));
  if (tag) end -= tag[0].length;
  return { start, end };
}

/** Clauses of a sentence: split at ", ", "; ", " – ", ": " outside quotes and parentheses. */
function clauses(text: string, s: Span, quotes: QuoteRegion[]): Span[] {
  const out: Span[] = [];
  let from = s.start;
  let depth = 0;
  for (let i = s.start; i < s.end; i++) {
    const c = text[i];
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    const sep = /^(?:[,;:]\s|\s[–—]\s)/.exec(text.slice(i, i + 3));
    if (!sep || depth > 0 || quotes.some((q) => q.start < i && i < q.end)) continue;
    out.push({ start: from, end: i });
    from = i + sep[0].length;
    i = from - 1;
  }
  out.push({ start: from, end: s.end });
  return out;
}

/** Narrow a long sentence to the clauses holding `signals`; dependent clauses keep the clause before them. */
function narrow(text: string, s: Span, signals: Span[], quotes: QuoteRegion[]): Span {
  if (s.end - s.start < 160) return s;
  const cl = clauses(text, s, quotes);
  const hit = cl.map((c) => signals.some((g) => g.start < c.end && c.start < g.end));
  let first = hit.indexOf(true);
  const last = hit.lastIndexOf(true);
  if (first < 0) return s;
  const dependent = /^(?:und|oder|aber|sowie|die|der|das|den|dem|deren|dessen|wohin|wo|wie|weil|wenn|dass|ob|als|which|who|that|and|but|while|whereas|where|when|because|if)\b/i;
  while (first > 0 && (dependent.test(text.slice(cl[first].start, cl[first].end)) || /[–—]\s$/.test(text.slice(cl[first].start - 2, cl[first].start)))) first--;
  let end = cl[last].end;
  while (end > cl[first].start && /[\s,;:–—]/.test(text[end - 1])) end--;
  return last === cl.length - 1 ? { start: cl[first].start, end: s.end } : { start: cl[first].start, end };
}

interface Signals {
  figures: Figure[];
  comparisons: ComparisonSignal[];
  attributions: AttributionSignal[];
  quotes: QuoteRegion[];
}

function chooseKind(sig: Signals): SuggestionKind | null {
  if (sig.comparisons.some((c) => c.strong)) return "comparison";
  if (sig.figures.some(isTriggerFigure)) return "figure";
  if (sig.comparisons.length) return "comparison";
  if (sig.quotes.length) return "quote";
  if (sig.attributions.length) return "attribution";
  return null;
}

/** Check-worthy statements in `text`, in order, at most one per sentence. */
export function suggestClaims(text: string, language: Language): Suggestion[] {
  const allQuotes = findQuotes(text);
  const allFigures = parseFigures(text, language);
  const out: Suggestion[] = [];
  let firstFigure = 0; // sentences and figures are both in text order
  for (const sentence of splitSentences(text, language)) {
    if (isHeading(text, sentence) || isQuestion(text, sentence, allQuotes)) continue;
    const s = trimSpan(text, sentence);
    while (firstFigure < allFigures.length && allFigures[firstFigure].start < s.start) firstFigure++;
    let lastFigure = firstFigure;
    while (lastFigure < allFigures.length && allFigures[lastFigure].start < s.end) lastFigure++;
    const sig: Signals = {
      figures: allFigures.slice(firstFigure, lastFigure).filter((f) => f.end <= s.end),
      comparisons: findComparisons(text, s.start, s.end, language),
      attributions: findAttributions(text, s.start, s.end, language, allQuotes),
      quotes: quotesIn(allQuotes, s.start, s.end).filter((q) => q.words >= 4),
    };
    const kind = chooseKind(sig);
    if (!kind) continue;
    const spoken = sig.quotes.length > 0 || sig.attributions.length > 0;
    const signalSpans: Span[] = [...sig.figures.filter(isTriggerFigure), ...sig.comparisons];
    const span = spoken ? s : narrow(text, s, signalSpans, allQuotes);
    const figures = sig.figures.filter((f) => f.start >= span.start && f.end <= span.end);
    const claimant = sig.attributions.find((a) => a.claimant)?.claimant;
    out.push({
      start: span.start,
      end: span.end,
      text: text.slice(span.start, span.end),
      kind,
      reason: reasonFor(kind, language, { ...sig, figures }, claimant),
      figures,
      ...(claimant ? { claimant } : {}),
    });
  }
  return out;
}
