/**
 * Sentence splitting for German and English news text, returning character
 * spans (UTF-16 offsets) without surrounding whitespace.
 *
 * Rule based: a sentence ends at . ! ? (plus closing quotes/brackets) followed
 * by whitespace and an upper-case letter, digit or opening quote, unless the
 * full stop belongs to an abbreviation ("Anm. d. Red.", "z. B.", "Dr.", "Mio.",
 * "U.S.", "e.g."), an initial or a German ordinal/date ("12. Juni", "der 3.
 * Platz"). Blank lines always end a sentence; a single line break does too
 * unless it looks like a hard wrap (the next line continues in lower case).
 */
import { MONTHS } from "./lexicon";
import type { Language, Span } from "./types";

const ABBREVIATIONS: Record<Language, Set<string>> = {
  de: new Set(
    ("anm red dr prof mio mrd tsd nr bzw ca usw vgl ggf inkl evtl hr fr str st jh jhd chr geb gest max min " +
      "abs art bd dipl ing jr sen jun tel ehem sog zb dh ua uvm bspw ggü lt gem zzgl abzgl ausg " +
      "jan feb märz apr aug sep sept okt nov dez mo di mi do").split(" "),
  ),
  en: new Set(
    ("mr mrs ms dr prof st jr sr vs eg ie inc ltd co corp nos gen gov sen rep lt col sgt capt mt approx " +
      "jan feb mar apr jun jul aug sep sept oct nov dec fig dept univ").split(" "),
  ),
};

/** Words before "3." that make it an ordinal in German ("der 3. Platz", "zum 5. Mal"). */
const ORDINAL_BEFORE = /^(?:der|die|das|den|dem|des|zum|zur|am|im|vom|beim|seit|bis|ab|ihr|ihrem|ihren|sein|seinem|seinen|seiner|ihrer)$/i;

const BOUNDARY = /[.!?…]+[“”"»«’')\]]*(?=\s+[\p{Lu}\p{N}„“"»«‚‘(\[])/gu;

/** Does the full stop ending at `dot` (index of ".") belong to an abbreviation, initial or ordinal? */
function isNonFinalDot(text: string, dot: number, language: Language): boolean {
  const before = text.slice(Math.max(0, dot - 40), dot);
  const token = /[^\s(\[„“"»«]*$/u.exec(before)?.[0] ?? "";
  if (token === "") return false;
  if (/^\p{L}$/u.test(token)) return true; // initials, "d. Red.", "z. B.", "(r.)"
  if (/^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(token)) return true; // "U.S", "e.g", "z.B", "a.m"
  if (ABBREVIATIONS[language].has(token.toLowerCase().replace(/\./g, ""))) return true;
  if (/^\d{1,3}$/.test(token) && /(?:^|\n)[ \t]*$/.test(before.slice(0, before.length - token.length))) return true; // "1. Startseite" list item
  if (language === "de" && /^\d{1,3}$/.test(token)) {
    const next = /^\.\s+([\p{L}]+)/u.exec(text.slice(dot, dot + 20))?.[1]?.toLowerCase();
    if (next && MONTHS.de[next]) return true; // "12. Juni"
    const prev = /(\p{L}+)\s+$/u.exec(before.slice(0, before.length - token.length))?.[1];
    if (prev && ORDINAL_BEFORE.test(prev)) return true; // "der 3. Platz"
  }
  return false;
}

/** Lines of a block that are separate sentences: a line break is kept inside a sentence only for hard wraps. */
function blocks(text: string): Span[] {
  const out: Span[] = [];
  const lineRe = /[^\n]+/g;
  let current: Span | null = null;
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].trim() === "") { current = null; continue; }
    const gap = current ? text.slice(current.end, start) : "";
    const hardWrap = current && !gap.includes("\n\n") && /[\p{L},;-]$/u.test(text.slice(current.start, current.end).trimEnd()) && /^\s*\p{Ll}/u.test(m[0]);
    if (current && hardWrap) current.end = end;
    else { current = { start, end }; out.push(current); }
  }
  return out;
}

/** Trim whitespace off a span; null if nothing is left. */
function trim(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/** Sentence spans of `text`, in order, covering every non-whitespace character. */
export function splitSentences(text: string, language: Language): Span[] {
  const out: Span[] = [];
  for (const block of blocks(text)) {
    const chunk = text.slice(block.start, block.end);
    let from = 0;
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(chunk); m; m = BOUNDARY.exec(chunk)) {
      const dotted = m[0].startsWith(".") && !m[0].startsWith("..");
      if (dotted && isNonFinalDot(text, block.start + m.index, language)) continue;
      const s = trim(text, block.start + from, block.start + m.index + m[0].length);
      if (s) out.push(s);
      from = m.index + m[0].length;
    }
    const s = trim(text, block.start + from, block.end);
    if (s) out.push(s);
  }
  return out;
}
