/**
 * Quantities written as words: "sechs Prozent", "zwei Impfdosen", "zwei
 * Drittel", "viermal", "Eleven world records", "two-thirds of", "twice".
 *
 * Number words are far more often incidental than digits ("die zwei Länder",
 * "one of the most"), so a word only becomes a figure when it counts
 * something (a following noun, percent, currency or scale word) and does not
 * refer back to known things after a determiner.
 */
import { FRACTIONS, NUMBER_WORDS, REFERRING_DETERMINERS, TIMES_WORDS } from "./lexicon";
import { isIdentifier, previousWord, readNoun, readQualifier, readScale, readUnitSymbol } from "./number-context";
import type { Figure, Language } from "./types";

const cache = new Map<Language, RegExp>();

function wordRegex(language: Language): RegExp {
  let re = cache.get(language);
  if (!re) {
    const words = [...Object.keys(NUMBER_WORDS[language]), ...Object.keys(TIMES_WORDS[language]), ...Object.keys(FRACTIONS[language])];
    words.sort((a, b) => b.length - a.length);
    re = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${words.join("|")})(?![\\p{L}])`, "giu");
    cache.set(language, re);
  }
  return re;
}

/** A standalone fraction ("die Hälfte der", "ein Drittel mehr", "a third of", "half of"). */
function fractionValue(text: string, start: number, end: number, lower: string, language: Language): number | null {
  const frac = FRACTIONS[language][lower];
  const prev = previousWord(text, start)?.word.toLowerCase();
  const next = text.slice(end, end + 12);
  if (language === "de") {
    if (lower === "hälfte") return /^\s+(?:der|des|aller|von|ihrer|seiner)\b/.test(next) && prev !== "ersten" && prev !== "zweiten" ? frac : null;
    return prev === "ein" || prev === "einem" || prev === "einen" ? frac : null;
  }
  if (lower === "half") return /^\s+(?:of|the)\b/.test(next) && prev !== "first" && prev !== "second" ? frac : null;
  return (prev === "a" || prev === "one") && /^\s+of\b/.test(next) ? frac : null;
}

const ORDINAL_WORDS: Record<string, number> = {
  zweite: 2, dritte: 3, vierte: 4, fünfte: 5, sechste: 6, zehnte: 10, third: 3, fourth: 4, fifth: 5, tenth: 10,
};
/** "jede zweite Verbindung", "jeder dritte Deutsche", "one in three", "every fifth": a share written as 1 in n. */
const ONE_IN: Record<Language, RegExp> = {
  de: /(?<![\p{L}])(?:fast |knapp |etwa |rund )?[Jj]ede[rsn]? (zweite|dritte|vierte|fünfte|sechste|zehnte)[rns]?(?![\p{L}])/gu,
  en: /(?<![\p{L}])(?:almost |nearly |about |roughly )?(?:[Oo]ne in (two|three|four|five|six|seven|eight|nine|ten|\d+)|[Ee]very (third|fourth|fifth|tenth))(?![\p{L}])/gu,
};

function findOneIn(text: string, language: Language): Figure[] {
  const out: Figure[] = [];
  const re = ONE_IN[language];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = (m[1] ?? m[2]).toLowerCase();
    const n = ORDINAL_WORDS[word] ?? NUMBER_WORDS[language][word] ?? Number(word);
    if (!n) continue;
    out.push({ text: m[0], value: Number((1 / n).toPrecision(12)), unit: "fraction", normalized: Number((1 / n).toPrecision(12)), start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Figures written as number words in `text`. */
export function findNumberWords(text: string, language: Language): Figure[] {
  const out: Figure[] = findOneIn(text, language);
  const re = wordRegex(language);
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    if (out.some((f) => f.start <= start && start < f.end)) continue; // inside "one in three"
    const lower = m[0].toLowerCase();
    const prev = previousWord(text, start);
    // German number words are lower-case unless they start a sentence ("die deutsche Elf" is a team).
    if (language === "de" && /^\p{Lu}/u.test(m[0]) && prev && !prev.sentenceInitial && FRACTIONS.de[lower] === undefined) continue;
    let value: number;
    let unit: string | null = null;
    let scale = 1;

    if (TIMES_WORDS[language][lower] !== undefined) {
      value = TIMES_WORDS[language][lower];
      unit = "times";
    } else if (FRACTIONS[language][lower] !== undefined) {
      const f = fractionValue(text, start, end, lower, language);
      if (f === null) continue;
      value = f;
      unit = "fraction";
    } else {
      value = NUMBER_WORDS[language][lower];
      const rest = text.slice(end);
      const hyphen = /^-(year-olds?|thirds|quarters|fifths)(?![\p{L}])/u.exec(rest);
      const fraction = /^\s+(Drittel|Viertel|Fünftel|Zehntel|thirds|quarters|fifths)(?![\p{L}])/u.exec(rest);
      if (hyphen || fraction) {
        const word = (hyphen ?? fraction)![1].toLowerCase();
        end += (hyphen ?? fraction)![0].length;
        if (word.startsWith("year-old")) unit = word === "year-olds" ? "year-olds" : "age";
        else {
          value = value * FRACTIONS[language][word];
          unit = "fraction";
        }
      } else {
        if (rest.startsWith("-")) continue; // "half-empty", "two-thirds" handled above
        if (prev && REFERRING_DETERMINERS[language].has(prev.word.toLowerCase())) continue;
        if (isIdentifier(text, start, language)) continue; // "Platz drei"
        const s = readScale(rest, language);
        scale = s.scale;
        end += s.length;
        const sym = readUnitSymbol(text.slice(end));
        const noun = sym ? null : readNoun(text.slice(end), language);
        if (sym) { unit = sym.unit; end += sym.length; }
        else if (noun) { unit = noun.unit; end += noun.length; }
        else if (scale === 1) continue; // a bare "zwei" counts nothing we can name
      }
    }
    const q = readQualifier(text, start, language);
    const from = q ? q.start : start;
    out.push({
      text: text.slice(from, end),
      value: Number(value.toPrecision(12)),
      unit,
      normalized: Number((value * scale).toPrecision(12)),
      start: from,
      end,
      ...(q ? { qualifier: q.text } : {}),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
