/**
 * Word lists used by number parsing (German and English): scale words,
 * currencies, percent words, approximators, number words, month names.
 *
 * Kept as plain data so the parsing code in numbers.ts / dates.ts stays readable.
 */
import type { Language } from "./types";

/** Scale words after a number. Keys are lower-cased; "Billion" is 10^12 in German. */
export const SCALE: Record<Language, Record<string, number>> = {
  de: {
    tausend: 1e3, "tsd.": 1e3, "mio.": 1e6, mio: 1e6, million: 1e6, millionen: 1e6,
    "mrd.": 1e9, mrd: 1e9, milliarde: 1e9, milliarden: 1e9, billion: 1e12, billionen: 1e12,
  },
  en: {
    thousand: 1e3, million: 1e6, millions: 1e6, billion: 1e9, billions: 1e9, trillion: 1e12,
    bn: 1e9, mn: 1e6, tn: 1e12,
  },
};

/** Suffixes glued to a number ("$3.2bn", "£5m", "10k"). "m"/"k" only count with a currency, else "5m" is metres. */
export const GLUED_SCALE: Record<string, number> = { bn: 1e9, b: 1e9, mn: 1e6, m: 1e6, k: 1e3, tn: 1e12 };

/** Currency symbols/codes written before the number. */
export const CURRENCY_PREFIX: Record<string, string> = {
  "€": "EUR", $: "USD", "US$": "USD", "US-$": "USD", "£": "GBP", "¥": "JPY",
  EUR: "EUR", USD: "USD", GBP: "GBP", CHF: "CHF",
};

/** Currency words/symbols written after the number (lower-cased). */
export const CURRENCY_SUFFIX: Record<string, string> = {
  "€": "EUR", eur: "EUR", euro: "EUR", euros: "EUR", $: "USD", dollar: "USD", dollars: "USD",
  "us-dollar": "USD", "us-dollars": "USD", usd: "USD", "£": "GBP", pfund: "GBP", pounds: "GBP",
  gbp: "GBP", franken: "CHF", chf: "CHF", yen: "JPY", yuan: "CNY", rubel: "RUB", roubles: "RUB",
};

/** Percent words (lower-cased) → unit. */
export const PERCENT: Record<string, string> = {
  "%": "%", prozent: "%", percent: "%", "per cent": "%", prozentpunkte: "pp",
  prozentpunkten: "pp", "percentage points": "pp", "percentage point": "pp",
};

/** Approximators/bounds directly before a number; longest first so "mehr als" wins over "als". */
export const QUALIFIERS: Record<Language, string[]> = {
  de: [
    "mehr als", "weniger als", "bis zu", "an die", "um die", "rund", "etwa", "ca.", "circa",
    "knapp", "fast", "beinahe", "mindestens", "höchstens", "über", "unter", "nahezu",
    "annähernd", "gut",
  ],
  en: [
    "more than", "less than", "fewer than", "up to", "at least", "at most", "an estimated",
    "around", "about", "roughly", "nearly", "almost", "approximately", "over", "under",
    "some",
  ],
};

/** Cardinal number words. "ein"/"one" are left out: far more often articles/pronouns than quantities. */
export const NUMBER_WORDS: Record<Language, Record<string, number>> = {
  de: {
    zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10,
    elf: 11, zwölf: 12, zwanzig: 20, dreißig: 30, vierzig: 40, fünfzig: 50, sechzig: 60,
    siebzig: 70, achtzig: 80, neunzig: 90, hundert: 100, tausend: 1000, dutzend: 12,
  },
  en: {
    two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
    eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
    seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
    sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
  },
};

/** Multiplicative words ("viermal", "twice") → factor; unit "times". */
export const TIMES_WORDS: Record<Language, Record<string, number>> = {
  de: { zweimal: 2, dreimal: 3, viermal: 4, fünfmal: 5, sechsmal: 6, zehnmal: 10, hundertmal: 100 },
  en: { twice: 2, thrice: 3 },
};

/** Fraction nouns; combined with a preceding number word ("zwei Drittel" = 2/3). */
export const FRACTIONS: Record<Language, Record<string, number>> = {
  de: { hälfte: 1 / 2, drittel: 1 / 3, viertel: 1 / 4, fünftel: 1 / 5, zehntel: 1 / 10 },
  en: { half: 1 / 2, third: 1 / 3, thirds: 1 / 3, quarter: 1 / 4, quarters: 1 / 4, fifth: 1 / 5, fifths: 1 / 5 },
};

/** Words before a numeral that make it refer back to known things ("die zwei Länder", "the two missions"). */
export const REFERRING_DETERMINERS: Record<Language, Set<string>> = {
  de: new Set(["der", "die", "das", "den", "dem", "des", "diese", "dieser", "diesen", "alle", "beide", "beiden", "seine", "ihre", "ihren", "seinen", "unsere"]),
  en: new Set(["the", "these", "those", "both", "all", "its", "their", "his", "her", "our"]),
};

const MONTHS_DE = ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"];
const MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** Month name (lower-cased, also common abbreviations) → 1..12. */
export const MONTHS: Record<Language, Record<string, number>> = {
  de: Object.fromEntries([
    ...MONTHS_DE.map((m, i) => [m, i + 1]),
    ...MONTHS_DE.map((m, i) => [`${m.slice(0, 3)}.`, i + 1]),
    ["jänner", 1], ["sept.", 9],
  ]),
  en: Object.fromEntries([
    ...MONTHS_EN.map((m, i) => [m, i + 1]),
    ...MONTHS_EN.map((m, i) => [`${m.slice(0, 3)}.`, i + 1]),
    ["sept.", 9],
  ]),
};

/** Known measurement units (lower-cased): when one follows a number it is the unit, no further noun is taken. */
export const MEASURE_UNITS = new Set([
  "km", "kilometer", "kilometern", "kilometres", "kilometers", "m", "meter", "metern", "metres", "meters",
  "cm", "mm", "kg", "kilogramm", "g", "t", "tonnen", "tonnes", "tons", "miles", "meilen", "c", "°c", "grad",
  "degrees", "stunden", "hours", "minuten", "minutes", "sekunden", "seconds", "tage", "tagen", "days",
  "wochen", "weeks", "monate", "monaten", "months", "jahre", "jahren", "years", "gw", "mw", "kw", "kwh", "twh",
  "quadratmeter", "hektar", "hectares", "liter", "litres", "liters", "ha", "mph", "km/h",
]);

/** Words that end a unit search in English ("7,000 steps a day" stops at "a"). */
export const EN_STOP = new Set([
  "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "from", "with",
  "than", "as", "per", "each", "is", "was", "were", "are", "be", "been", "will", "would", "could",
  "can", "may", "might", "should", "had", "has", "have", "that", "this", "which", "who", "when",
  "while", "since", "after", "before", "into", "over", "under", "up", "down", "so", "if", "not",
  "no", "its", "their", "his", "her", "more", "less", "ago", "later", "earlier", "last", "next",
  "local", "time",
]);

/** English words that may precede the counted noun ("1.5 million young people"). */
export const EN_ADJECTIVE = /^(?:young|old|new|other|additional|extra|further|more|[a-z]+(?:al|ic|ous|ive|ful|less|able|ible|ed|ing))$/;
