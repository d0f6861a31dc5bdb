/**
 * Comparison signals: superlatives, firsts, records, streaks, explicit
 * comparatives ("höher als", "higher than", "twice as much") and verbs of
 * change ("gestiegen", "fell").
 *
 * "Strong" signals (superlative, first, record, X-er than) outrank a figure
 * when choosing a suggestion's kind; "weak" ones (change verbs, "im
 * Vergleich zu") only make a sentence a candidate. "mehr als 10.000" /
 * "more than 45,000" is an approximate figure, not a comparison.
 */
import { unicodeWords } from "./regex";
import type { Language, Span } from "./types";

export interface ComparisonSignal extends Span {
  strong: boolean;
  /** The matched words, for the reason text. */
  text: string;
}

const NUMBERISH_DE = "\\d|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|hundert|tausend|die Hälfte|ein Drittel|ein Viertel|jede[nrm]?";
const NUMBERISH_EN = "\\d|[$€£]|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|thousand|half|a third|a quarter|one in";

// Words ending in -ste/-ster/… that are not superlatives: ordinals/"nächste" (temporal), and adjectives whose stem ends in -st.
const NOT_SUPERLATIVE_DE = /^(?:nächst|erst|letzt|meist|just|kost)|(?:bewusst|ernst|fest|robust|trist|dreist|selbst|sonst|geist|lust|gunst|kunst|angst|dienst|verlust|list|küst|west|gest|wüst|rast|last|ost|tast|kist|pust)(?:e|en|er|es|em)$/;
const NOT_COMPARATIVE_DE = /^(?:aber|oder|wieder|immer|jeder|einer|keiner|weder|leider|unter|über|hinter|außer|sonder|nieder|sauber|ander|euer|unser|jener|dieser|welcher|mancher|solcher|aller|vorher|nachher|bisher|daher|seither|woher|später)$/;
/** German adjectives whose positive form ends in -er ("wird teuer" is not "wird teurer"). */
const NOT_ER_ADJECTIVE_DE = /^(?:weiter|sicher|teuer|sauber|bitter|munter|heiter|finster|düster|mager|tapfer|lecker|später|früher|daher|leer|schwer|klar|neuer|einer|keiner|jeder)$/;
// -est words that are not superlatives: whole words for short ones (so "greatest" is not "test"), suffixes for long ones.
const NOT_SUPERLATIVE_EN = /^(?:test|quest|nest|pest|vest|chest|guest|jest|zest|fest|west|east|lest|crest|rest|priest|latest|dearest)$|(?:interest|forest|unrest|backrest|headrest|armrest|footrest|arrest|request|bequest|conquest|protest|contest|pretest|retest|attest|detest|suggest|congest|ingest|digest|harvest|honest|modest|manifest|behest|tempest|molest|divest|invest|infest|earnest|midwest|southwest|northwest|northeast|southeast)$/;
const NOT_COMPARATIVE_EN = /^(?:rather|other|further|never|ever|whether|either|neither|under|over|after|later|sooner)$/;

type Rule = { re: RegExp; strong: boolean; check?: (m: RegExpExecArray) => boolean };

const RULES: Record<Language, Rule[]> = {
  de: [
    { re: /\b(?:erstmals|erstmalig|zum (?:ersten|letzten) Mal|das (?:erste|letzte) Mal)\b/giu, strong: true },
    { re: /\berste[nrms]?\s+(?:\p{Ll}+\s+)?(?!Halbzeit|Hälfte|Runde|Spieltag|Quartal|Lesung|Satz|Tag|Woche|Schritt|Blick|Linie)\p{Lu}\p{L}*/gu, strong: true },
    // Determiner + superlative: "der höchste Wert", "zu den ansteckendsten", "der drittgrößte".
    { re: /\b(?:am|der|die|das|den|dem|des|zum|zur|ihr\p{Ll}*|sein\p{Ll}*|unser\p{Ll}*)\s+(?:\p{Ll}+\s+)?(\p{Ll}{2,}?(?:st|ßt)(?:e|en|er|es|em))\b/gu, strong: true, check: (m) => !NOT_SUPERLATIVE_DE.test(m[1]) },
    { re: /\b(\p{Ll}{2,}?st(?:er|es))(?=\s+\p{Lu})/gu, strong: true, check: (m) => !NOT_SUPERLATIVE_DE.test(m[1]) },
    { re: /\p{L}*(?:rekord|höchststand|tiefststand|allzeithoch|höchstwert|tiefstwert)\p{L}*/giu, strong: true },
    { re: /\b(?:wie (?:noch )?nie(?: zuvor)?|noch nie|nie zuvor|wie kein(?:e|er)? ander\p{L}*|seit Beginn der (?:Messungen|Aufzeichnungen|Wetteraufzeichnungen))\b/giu, strong: true },
    { re: /\bseit\s[^.,;]{1,40}?\snicht mehr\b/giu, strong: true },
    { re: /\bin Folge\b/gu, strong: true },
    { re: new RegExp(`\\b(\\p{Ll}{3,}er|mehr|weniger)\\s+als\\s+(?!${NUMBERISH_DE})`, "gu"), strong: true, check: (m) => !NOT_COMPARATIVE_DE.test(m[1]) },
    { re: /\b(?:doppelt|dreimal|viermal|halb|\p{Ll}+fach)\s+so\s+\p{Ll}+\b/gu, strong: true },
    { re: /\b(?:werden|wird|wurde|wurden|würden|werde)\s+(?:immer\s+|noch\s+|deutlich\s+|viel\s+)?(\p{Ll}{3,}er|mehr|weniger)\b/gu, strong: false, check: (m) => !NOT_COMPARATIVE_DE.test(m[1]) && !NOT_ER_ADJECTIVE_DE.test(m[1]) },
    { re: /\b(?:im Vergleich (?:zu|zum|zur|mit)|verglichen mit|im Gegensatz zu|anders als|gegenüber (?:dem|den|der) (?:Vorjahr|Vormonat|Vorjahreszeitraum|Vorquartal)\p{L}*|Unterschied zwischen)\b/giu, strong: false },
    { re: /\b(?:gestiegen|gesunken|gefallen|zurückgegangen|zugenommen|abgenommen|verdoppelt|verdreifacht|halbiert|geschrumpft|gewachsen|stieg(?:en)?|sank(?:en)?|wuchs(?:en)?|schrumpfte(?:n)?|verteuerte(?:n)?|verbilligte(?:n)?)\b/giu, strong: false },
  ],
  en: [
    { re: /\b(?:for the first time|first time since|first[- ]ever|the first \w+ (?:since|ever|to)|for the last time)\b/giu, strong: true },
    { re: /\b(?:the|its|their|his|her|a|one of the)\s+(?:\p{Ll}+ly\s+)?(most|least|best|worst|\p{Ll}{2,}(?:iest|est))\b/gu, strong: true, check: (m) => !NOT_SUPERLATIVE_EN.test(m[1]) },
    { re: /\b(?:\d+|\p{Ll}+)-(?:year|month|decade|week) (?:high|low)\b|\ball-time (?:high|low)\b|\b(?:highest|lowest|worst|best|biggest|largest) since\b/giu, strong: true },
    { re: /\b(?:a|the|new|all-time)\s+record\b|\brecord (?:high|low|level|number|amount)s?\b|\bon record\b|\bsince records began\b|\bever recorded\b/giu, strong: true },
    { re: /\b(?:than ever|than any other|more than at any|never before|in a row|consecutive)\b/giu, strong: true },
    { re: new RegExp(`\\b(\\p{Ll}{3,}er|more|less|fewer)\\s+than\\s+(?!${NUMBERISH_EN})`, "gu"), strong: true, check: (m) => !NOT_COMPARATIVE_EN.test(m[1]) },
    { re: /\b(?:twice|three times|four times|\d+ times|half)\s+as\s+\p{Ll}+\b|\b\w+ times (?:more|higher|larger|bigger|greater)\b/giu, strong: true },
    // Bare superlatives after a verb ("were hit hardest"); long words only, common -est nouns excluded above.
    { re: /\b(worst|\p{Ll}{3,}(?:iest|est))\b/gu, strong: true, check: (m) => !NOT_SUPERLATIVE_EN.test(m[1]) && !/^(?:\p{Ll}{1,2}est|best)$/u.test(m[1]) },
    { re: /\b(?:become|becomes|becoming|became|get|gets|getting|got|grow|grows|growing|grew)\s+(?:\p{Ll}+ly\s+)?(?:(?:more|less)\s+\p{Ll}{3,}|better|worse|higher|lower|bigger|smaller|larger|cheaper|faster|slower|stronger|weaker|older|younger|longer|shorter|hotter|colder|warmer|wetter|drier|richer|poorer|safer|easier|harder|greater|wider|deeper|heavier|busier|rarer|scarcer)\b/giu, strong: false },
    { re: /\b(?:compared (?:with|to)|in comparison (?:with|to)|in contrast to|unlike|up from|down from|difference between)\b/giu, strong: false },
    { re: /\b(?:rose|risen|fell|fallen|increased|decreased|dropped|jumped|surged|soared|plunged|plummeted|tumbled|climbed|declined|doubled|tripled|halved|shrank|slumped|grew)\b/giu, strong: false },
  ],
};

const COMPILED: Record<Language, Rule[]> = {
  de: RULES.de.map((r) => ({ ...r, re: unicodeWords(r.re) })),
  en: RULES.en.map((r) => ({ ...r, re: unicodeWords(r.re) })),
};

/** Comparison signals in text[start, end) (offsets are into `text`). */
export function findComparisons(text: string, start: number, end: number, language: Language): ComparisonSignal[] {
  const slice = text.slice(start, end);
  const out: ComparisonSignal[] = [];
  for (const rule of COMPILED[language]) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(slice); m; m = rule.re.exec(slice)) {
      if (rule.check && !rule.check(m)) continue;
      const s = start + m.index;
      const matched = m[0].replace(/\s+$/, "");
      out.push({ start: s, end: s + matched.length, strong: rule.strong, text: matched });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
