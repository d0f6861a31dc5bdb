/**
 * Figures (quantities, money, percentages, years, dates, times, scores) in
 * German or English text.
 *
 * `parseFigures` is the public entry point. German uses a decimal comma and a
 * thousands dot ("4,8 Millionen", "10.000"), English the reverse ("4.8
 * million", "1,000"). Dates are recognised first (dates.ts) so "12. Juni" is a
 * date, then numerals written with digits (here), then number words
 * (number-words.ts). Numbers that are part of names ("Covid-19", "Shahed 136",
 * "S&P 500") are not figures.
 */
import { findDates } from "./dates";
import { CURRENCY_PREFIX, GLUED_SCALE, MEASURE_UNITS } from "./lexicon";
import { isIdentifier, previousWord, readNoun, readQualifier, readScale, readUnitSymbol } from "./number-context";
import { findNumberWords } from "./number-words";
import { atLineStart } from "./regex";
import type { Figure, Language } from "./types";

const NUMERAL = /(?<![\p{L}\p{N}.,])(?:(?<cur>US-?\$|[$€£¥]|EUR|USD|GBP|CHF)\s?)?(?<num>\d+(?:[.,\u00a0\u202f]\d+)*)/gu;

/** Words before an ordinal "3." in German ("der 3. Platz", "zum 5. Mal"). */
const DE_ORDINAL_BEFORE = /^(?:der|die|das|den|dem|des|zum|zur|am|im|vom|beim|ihr|ihrem|ihren|sein|seinem|seinen|seiner|ihrer)$/i;
/** Words before a four-digit number that make it a year even if a noun follows ("seit 2019 Mitglied"). */
const YEAR_BEFORE = /^(?:jahr|jahre|jahres|seit|bis|von|ab|im|vor|nach|anfang|ende|mitte|frühjahr|sommer|herbst|winter|in|since|until|by|from|of|year|before|after|early|late|mid)$/i;

/** Value of a numeral as written; null when it does not follow the language's conventions. */
export function parseNumeral(raw: string, language: Language): number | null {
  const [thousands, decimal] = language === "de" ? [".", ","] : [",", "."];
  const s = raw.replace(/[\u00a0\u202f]/g, thousands);
  const parts = s.split(decimal);
  if (parts.length > 2) return null;
  const groups = parts[0].split(thousands);
  let intPart: string;
  if (groups.length === 1) intPart = groups[0];
  else if (groups.slice(1).every((g) => g.length === 3) && groups[0].length <= 3) intPart = groups.join("");
  else if (groups.length === 2 && parts.length === 1) return Number(`${groups[0]}.${groups[1]}`); // "20.15" / "1,5"
  else return null;
  return Number(parts.length === 2 ? `${intPart}.${parts[1]}` : intPart);
}

/** Units that make a number clearly a quantity/date/time even after a capitalised word. */
const CANONICAL = new Set(["%", "pp", "age", "time", "score", "duration", "year-olds", "years", "EUR", "USD", "GBP", "CHF", "JPY"]);

/** Does [s, e) overlap a figure of `sorted` (ordered by start, non-overlapping)? Binary search keeps long texts linear-ish. */
function overlapsAny(sorted: Figure[], s: number, e: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].end <= s) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo].start < e;
}

interface AfterNumeral {
  /** Where the figure's text ends. */
  pos: number;
  scale: number;
  unit: string | null;
  /** "skip": part of a name ("5G"); "ordinal": "3." / "3rd". */
  kind: "plain" | "skip" | "ordinal";
  normalized?: number;
  iso?: string;
}

/** Everything after the numeral that belongs to it: glued suffixes, colon parts, scale, unit. */
function analyseAfter(text: string, end: number, value: number, raw: string, language: Language, currency: string | null): AfterNumeral {
  let pos = end;
  let scale = 1;
  const unit: string | null = currency;
  let kind: AfterNumeral["kind"] = "plain";
  let normalized: number | undefined;
  const rest = () => text.slice(pos);

  const colon = /^:(\d{1,2})(?::(\d{2}))?(?!\d)/.exec(rest());
  if (colon) {
    pos += colon[0].length;
    const clock = /^\s*(?:Uhr|h\b|a\.m\.|p\.m\.)/.exec(rest());
    if (colon[2] !== undefined) return { pos, scale, unit: "duration", kind, normalized: value * 3600 + Number(colon[1]) * 60 + Number(colon[2]) };
    if (clock) return { pos: pos + clock[0].length, scale, unit: "time", kind, normalized: value * 100 + Number(colon[1]) };
    return { pos, scale, unit: "score", kind, normalized: value };
  }
  const glued = /^(?:-(?=\p{L}))?([\p{L}°]+)/u.exec(rest());
  if (glued) {
    const word = glued[1];
    const lower = word.toLowerCase();
    const hyphen = glued[0].startsWith("-");
    if (/^jährige[nrm]?$/.test(lower)) return { pos: pos + glued[0].length, scale, unit: "age", kind, normalized: value };
    if (hyphen && lower === "year" && /^-old(?![\p{L}])/u.test(text.slice(pos + glued[0].length))) return { pos: pos + glued[0].length + 4, scale, unit: "age", kind, normalized: value };
    if (hyphen && lower === "year" && /^-olds/u.test(text.slice(pos + glued[0].length))) return { pos: pos + glued[0].length + 5, scale, unit: "year-olds", kind, normalized: value };
    if (!hyphen && /^\d{4}$/.test(raw) && (lower === "s" || lower === "er")) return { pos: pos + word.length, scale, unit: "year", kind, normalized: value, iso: raw.slice(0, 3) };
    if (!hyphen && /^(?:st|nd|rd|th)$/.test(lower) && language === "en") return { pos: pos + word.length, scale, unit: "ordinal", kind: "ordinal", normalized: value };
    if (!hyphen && GLUED_SCALE[lower] && (currency || lower.length > 1)) { scale = GLUED_SCALE[lower]; pos += word.length; }
    else if (!hyphen && (MEASURE_UNITS.has(lower) || lower === "°c")) return { pos: pos + word.length, scale, unit: currency ?? word, kind, normalized: value };
    // "23-year high", "10,000-step goal": the compound names the unit ("year" would mean a calendar year).
    else if (hyphen) return { pos: pos + glued[0].length, scale, unit: currency ?? (/^(?:year|jahr)$/.test(lower) ? "years" : word), kind, normalized: value };
    else kind = "skip"; // "5G", "3D": part of a name
  }
  if (kind === "skip") return { pos, scale, unit, kind, normalized };

  if (language === "de" && /^\.\s/.test(rest()) && /^\d{1,3}$/.test(raw)) {
    const prev = previousWord(text, end - raw.length);
    const next = /^\.\s+(\S)/u.exec(rest());
    const lineStart = atLineStart(text, end - raw.length);
    if (lineStart || (prev && DE_ORDINAL_BEFORE.test(prev.word)) || (next && /\p{Ll}/u.test(next[1]))) {
      return { pos, scale, unit: "ordinal", kind: "ordinal", normalized: value };
    }
  }
  const clock = /^\s*(?:Uhr(?![\p{L}])|a\.m\.|p\.m\.)/u.exec(rest());
  if (clock) {
    const [h, min = "0"] = raw.split(/[.:,]/);
    return { pos: pos + clock[0].length, scale, unit: "time", kind, normalized: Number(h) * 100 + Number(min) };
  }
  if (scale === 1) {
    const s = readScale(rest(), language);
    scale = s.scale;
    pos += s.length;
  }
  const sym = readUnitSymbol(rest());
  if (sym) return { pos: pos + sym.length, scale, unit: sym.unit === "%" || sym.unit === "pp" || !currency ? sym.unit : currency, kind, normalized };
  if (currency) return { pos, scale, unit, kind, normalized };
  const noun = readNoun(rest(), language);
  if (noun) return { pos: pos + noun.length, scale, unit: noun.unit, kind, normalized };
  return { pos, scale, unit, kind, normalized };
}

/** Is this plain four-digit integer a year rather than a count? */
function isYear(text: string, start: number, raw: string, unit: string | null, language: Language): boolean {
  const v = Number(raw);
  if (!/^\d{4}$/.test(raw) || v < 1000 || v > 2199) return false;
  const prev = previousWord(text, start);
  if (prev && YEAR_BEFORE.test(prev.word)) return true;
  if (unit === null) return true;
  if (language === "de") return false; // "1500 Menschen"
  return !/(?:s|people|staff|police|cattle)$/i.test(unit); // "2000 people" vs "the 2019 general election"
}

/** Figures written with digits (plus dates and number words) in `text`, sorted by position. */
export function parseFigures(text: string, language: Language): Figure[] {
  const dates = findDates(text, language);
  const figures: Figure[] = [];
  const taken = (s: number, e: number) => overlapsAny(dates, s, e) || (figures.length > 0 && figures[figures.length - 1].end > s);
  NUMERAL.lastIndex = 0;
  for (let m = NUMERAL.exec(text); m; m = NUMERAL.exec(text)) {
    const raw = m.groups!.num;
    const numStart = m.index + m[0].length - raw.length;
    const numEnd = m.index + m[0].length;
    if (taken(m.index, numEnd)) continue;
    // "Covid-19", "Juno-2", "F-35": digits glued to a word by a hyphen are part of a name.
    if (/\p{L}-$/u.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    let value = parseNumeral(raw, language);
    if (value === null) continue;
    const currency = m.groups!.cur ? CURRENCY_PREFIX[m.groups!.cur] : null;
    let after = analyseAfter(text, numEnd, value, raw, language, currency);
    if (after.kind === "skip") continue;
    // Ranges count as their first number; the unit comes from after the second one.
    const range = /^(?:-|–|\s*(?:–|-|bis|to)\s*|-\s+(?:and|und|or|oder|to|bis)\s+)(?=[$€£]?\d)/.exec(text.slice(after.pos));
    if (range && after.unit === currency && after.scale === 1 && after.kind === "plain") {
      const second = new RegExp(NUMERAL.source, "uy");
      second.lastIndex = after.pos + range[0].length;
      const m2 = second.exec(text);
      const v2 = m2 ? parseNumeral(m2.groups!.num, language) : null;
      if (m2 && v2 !== null) {
        const a2 = analyseAfter(text, second.lastIndex, v2, m2.groups!.num, language, currency);
        if (a2.kind === "plain") after = { ...a2, normalized: undefined };
      }
    }
    const plainInt = /^\d+$/.test(raw) && after.scale === 1 && !currency;
    let unit = after.unit;
    let iso = after.iso;
    if (plainInt && unit !== "%" && iso === undefined && isYear(text, numStart, raw, unit, language)) {
      unit = "year";
      iso = raw;
    } else if (plainInt && after.kind === "plain" && !CANONICAL.has(unit ?? "") && isIdentifier(text, m.index, language)) {
      continue;
    }
    const q = unit === "year" || unit === "ordinal" || unit === "time" ? null : readQualifier(text, m.index, language);
    const start = q ? q.start : m.index;
    let end = after.pos;
    while (end > start && /\s/.test(text[end - 1])) end--;
    value = Number(value.toPrecision(12));
    figures.push({
      text: text.slice(start, end),
      value,
      unit,
      normalized: after.normalized ?? Number((value * after.scale).toPrecision(12)),
      start,
      end,
      ...(q ? { qualifier: q.text } : {}),
      ...(iso ? { iso } : {}),
    });
  }
  const sorted = [...dates, ...figures].sort((a, b) => a.start - b.start);
  const words = findNumberWords(text, language).filter((f) => !overlapsAny(sorted, f.start, f.end));
  return [...sorted, ...words].sort((a, b) => a.start - b.start);
}
