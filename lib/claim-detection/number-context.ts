/**
 * Context around a number: what is written before it (qualifier, determiner,
 * identifier-like name) and after it (scale word, percent, currency, counted
 * noun). Shared by the digit parser (numbers.ts) and the number-word parser
 * (number-words.ts).
 */
import {
  CURRENCY_SUFFIX, EN_ADJECTIVE, EN_STOP, MEASURE_UNITS, MONTHS, PERCENT, QUALIFIERS, SCALE,
} from "./lexicon";
import type { Language } from "./types";

/** German words after a number that are never the counted noun's adjective. */
const DE_FUNCTION = new Set(
  ("der die das den dem des ein eine einer einem einen eines und oder aber in im an am auf aus bei mit nach von " +
    "vor zu zum zur über unter gegen ohne um bis seit wie als wenn dass sich sie er es wir ihr ihre ihren seine " +
    "seinen sind ist war waren wurden werden wird hatte haben hat noch schon auch nur mehr weniger jeder jede " +
    "wieder immer sondern denn dann pro je diese dieser diesen jene keine unsere").split(" "),
);

/** Capitalised words before a number that are not names ("The 29-year-old", "Laut RKI"). */
const NOT_NAMES = new Set(
  ("the a an in on at by for from since until about around over only some more than of to " +
    "der die das den dem des im am vor nach mit seit bis für laut rund etwa über knapp nur fast von zu um " +
    // German nouns that introduce a quantity ("im Durchschnitt 12", "eine Summe 500") rather than name it.
    "durchschnitt schnitt mittel summe gesamt insgesamt ergebnis bilanz").split(" "),
);

export interface After {
  /** Characters consumed after the number (including leading whitespace). */
  length: number;
  scale: number;
  unit: string | null;
}

const WORD = /^(\s+)([\p{L}][\p{L}\p{M}'’-]*\.?)/u;

/** Scale word right after a number ("Millionen", "Mio.", "billion"); consumes it. */
export function readScale(rest: string, language: Language): { length: number; scale: number } {
  const m = WORD.exec(rest);
  if (!m) return { length: 0, scale: 1 };
  const word = m[2].toLowerCase();
  const scale = SCALE[language][word] ?? SCALE[language][word.replace(/\.$/, "")];
  // "Mio." keeps its dot; "Millionen." at a sentence end must not swallow the full stop.
  if (scale === undefined) return { length: 0, scale: 1 };
  const keepsDot = word.endsWith(".") && SCALE[language][word] !== undefined;
  return { length: m[0].length - (m[2].endsWith(".") && !keepsDot ? 1 : 0), scale };
}

/** Percent sign/word or currency right after a number; consumes it. */
export function readUnitSymbol(rest: string): { length: number; unit: string } | null {
  const m = /^(\s?)(%|€|\$|£)/u.exec(rest);
  if (m) return { length: m[0].length, unit: m[2] === "%" ? "%" : CURRENCY_SUFFIX[m[2]] };
  const w = /^(\s+)(per cent|percentage points?|[\p{L}-]+)(?![\p{L}])/u.exec(rest);
  if (!w) return null;
  const word = w[2].toLowerCase();
  if (PERCENT[word]) return { length: w[0].length, unit: PERCENT[word] };
  if (CURRENCY_SUFFIX[word]) return { length: w[0].length, unit: CURRENCY_SUFFIX[word] };
  return null;
}

/** The counted noun after a number ("Artilleriegeschosse", "shells"), skipping adjectives; consumes it. */
export function readNoun(rest: string, language: Language): { length: number; unit: string } | null {
  let consumed = 0;
  for (let i = 0; i < 3; i++) {
    const m = WORD.exec(rest.slice(consumed));
    if (!m) return null;
    const word = m[2].replace(/\.$/, "");
    const lower = word.toLowerCase();
    const length = consumed + m[1].length + word.length;
    if (MEASURE_UNITS.has(lower)) return { length, unit: word };
    if (language === "de") {
      if (MONTHS.de[lower] || lower === "uhr") return null;
      if (/^\p{Lu}/u.test(word)) return { length, unit: word };
      // Only declined adjectives may stand between number and noun ("18 weitere Menschen").
      if (DE_FUNCTION.has(lower) || !/(?:e|en|er|es|em)$/.test(lower)) return null;
    } else {
      if (/^\p{Lu}/u.test(word) || EN_STOP.has(lower)) return null;
      const next = WORD.exec(rest.slice(length));
      const nextWord = next?.[2].replace(/\.$/, "").toLowerCase();
      const nextIsNoun = !!nextWord && !EN_STOP.has(nextWord) && !/^\p{Lu}/u.test(next![2]);
      // "world records": a singular word followed by a plural one is a compound; count the plural.
      if (nextIsNoun && !/s$/.test(lower) && /[^s]s$/.test(nextWord!)) {
        return { length: length + next![0].length - (next![2].endsWith(".") ? 1 : 0), unit: `${word} ${next![2].replace(/\.$/, "")}` };
      }
      if (!EN_ADJECTIVE.test(lower) || !nextIsNoun) return { length, unit: word };
    }
    consumed = length;
  }
  return null;
}

/** Qualifier directly before `index` ("mehr als ", "up to "), returned with its start. */
export function readQualifier(text: string, index: number, language: Language): { start: number; text: string } | null {
  const before = text.slice(Math.max(0, index - 20), index).toLowerCase();
  for (const q of QUALIFIERS[language]) {
    if (!before.endsWith(`${q} `)) continue;
    const start = index - q.length - 1;
    if (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1])) continue;
    return { start, text: text.slice(start, index - 1) };
  }
  return null;
}

/** The word directly before `index` (separated by one space), with whether it starts a sentence. */
export function previousWord(text: string, index: number): { word: string; sentenceInitial: boolean } | null {
  const m = /([\p{L}\p{N}&][\p{L}\p{N}\p{M}&.'’-]*)\s$/u.exec(text.slice(Math.max(0, index - 40), index));
  if (!m) return null;
  const wordStart = index - m[0].length;
  const lead = text.slice(Math.max(0, wordStart - 3), wordStart);
  const sentenceInitial = wordStart === 0 || /(?:[.!?:„“"»«(]\s*|\n\s*)$/u.test(lead) || /^\s*$/.test(lead);
  return { word: m[1], sentenceInitial };
}

/** "Shahed 136", "S&P 500", "Platz drei": a number named by the capitalised word before it. */
export function isIdentifier(text: string, index: number, language: Language): boolean {
  const prev = previousWord(text, index);
  if (!prev || prev.sentenceInitial || !/^\p{Lu}/u.test(prev.word)) return false;
  const lower = prev.word.toLowerCase();
  if (NOT_NAMES.has(lower)) return false;
  if (MONTHS[language][lower] || /^(?:jahr|jahre|jahres|jahren|year|years)$/.test(lower)) return false;
  return true;
}
