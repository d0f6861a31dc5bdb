/**
 * Calendar dates in German and English text ("12. Juni 2024", "März 2020",
 * "June 12, 2024", "12 June", "April 2023", "12.06.2024").
 *
 * Dates are found before plain numbers so that the "12." of "12. Juni" is a
 * day of a date, not the quantity 12. Bare years are handled in numbers.ts.
 */
import { MONTHS } from "./lexicon";
import type { Figure, Language } from "./types";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Alternation of month names with a capital first letter (so the English modal "may" is not May). */
function monthAlternation(language: Language): string {
  return Object.keys(MONTHS[language])
    .sort((a, b) => b.length - a.length)
    .map((m) => escape(m[0].toUpperCase() + m.slice(1)))
    .join("|");
}

const patterns: Record<Language, RegExp[]> = (() => {
  const de = monthAlternation("de");
  const en = monthAlternation("en");
  // Each pattern names its groups: day, month (name) or mon (number), year.
  return {
    de: [
      new RegExp(`(?<![\\p{L}\\p{N}])(?<day>\\d{1,2})\\.\\s?(?<month>${de})(?![\\p{L}])(?:\\s+(?<year>\\d{4})(?!\\p{N}))?`, "gu"),
      new RegExp(`(?<![\\p{L}\\p{N}.])(?<day>\\d{1,2})\\.(?<mon>\\d{1,2})\\.(?<year>\\d{4}|\\d{2})(?![\\p{N}])`, "gu"),
      new RegExp(`(?<![\\p{L}])(?<month>${de})\\s+(?<year>\\d{4})(?!\\p{N})`, "gu"),
    ],
    en: [
      new RegExp(`(?<![\\p{L}])(?<month>${en})\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?(?![\\p{N}:])(?:,?\\s+(?<year>\\d{4})(?!\\p{N}))?`, "gu"),
      new RegExp(`(?<![\\p{L}\\p{N}])(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<month>${en})(?![\\p{L}])(?:,?\\s+(?<year>\\d{4})(?!\\p{N}))?`, "gu"),
      new RegExp(`(?<![\\p{L}])(?<month>${en})\\s+(?<year>\\d{4})(?!\\p{N})`, "gu"),
    ],
  };
})();

const pad = (n: number) => String(n).padStart(2, "0");

/** All dates in `text`, without overlaps (earlier patterns win). */
export function findDates(text: string, language: Language): Figure[] {
  const found: Figure[] = [];
  const overlaps = (s: number, e: number) => found.some((f) => s < f.end && f.start < e);
  for (const re of patterns[language]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const g = m.groups ?? {};
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      const month = g.month ? MONTHS[language][g.month.toLowerCase()] : Number(g.mon);
      const day = g.day ? Number(g.day) : undefined;
      let year = g.year ? Number(g.year) : undefined;
      if (year !== undefined && year < 100) year += year < 50 ? 2000 : 1900;
      if (!month || month > 12 || (day !== undefined && (day < 1 || day > 31))) continue;
      const iso = year === undefined ? `--${pad(month)}-${pad(day ?? 0)}` : day === undefined ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
      found.push({
        text: m[0],
        value: day ?? year ?? month,
        unit: "date",
        normalized: (year ?? 0) * 10000 + month * 100 + (day ?? 0),
        start,
        end,
        iso,
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
