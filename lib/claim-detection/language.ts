/**
 * Stop-word based language guess: "de", "en", or null for anything else.
 *
 * The detector only has German and English rules, so other languages must be
 * recognised as *other* (French, Spanish, Italian, Dutch, Portuguese are
 * scored too) rather than forced into the nearer of the two.
 */
import type { Language } from "./types";

// Words frequent in one language and rare in the others (ambiguous ones such as
// "die", "in", "de", "a" are left out on purpose).
const STOP_WORDS: Record<string, string[]> = {
  de: "der das und ist nicht mit den dem des sich auch auf für eine einer ein wird nach bei aus hat sind war noch werden über oder wie zum zur vom beim sie wir ich er nur einen haben kann dass durch gegen wurde sei seit laut mehr".split(" "),
  en: "the and of to is that for it was on with as are by at be this from have has not which were been their they he she its will would an or but who said more than about".split(" "),
  fr: "le les et des est une pour dans pas sur que qui au du ce cette sont avec ont été aux ses leur mais nous vous ils elle selon plus".split(" "),
  es: "el los las y del que en un una por con para es se al lo como más pero sus su fue son está ha sobre entre según".split(" "),
  it: "il lo gli e del della che di un una per con non sono è dei delle nel nella anche più alla questo ha".split(" "),
  nl: "het een en van de dat niet zijn voor met op ook maar bij naar heeft werd wordt deze dit uit als".split(" "),
  pt: "o os as e do da dos das que em um uma por com para não mais foi são pelo pela como mas ao".split(" "),
};

const LOOKUP = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOP_WORDS)) {
  for (const w of words) LOOKUP.set(w, [...(LOOKUP.get(w) ?? []), lang]);
}

/**
 * Guess the language of `text` from stop-word frequencies.
 * Returns null when the text is too short to tell, or is neither German nor English.
 */
export function detectLanguage(text: string): Language | null {
  const tokens = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const scores: Record<string, number> = {};
  let hits = 0;
  for (const t of tokens) {
    const langs = LOOKUP.get(t);
    if (!langs) continue;
    hits++;
    for (const l of langs) scores[l] = (scores[l] ?? 0) + 1 / langs.length;
  }
  const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0) return null;
  const [best, bestScore] = ranked[0];
  const second = ranked[1]?.[1] ?? 0;
  // Need a few hits, a real share of the text, and a clear margin over the runner-up.
  if (bestScore < 2 || hits / tokens.length < 0.1 || bestScore < second * 1.5) return null;
  return best === "de" || best === "en" ? best : null;
}
