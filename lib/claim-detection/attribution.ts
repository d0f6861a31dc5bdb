/**
 * Attribution signals: a statement reported from a source ("laut …", "teilte
 * … mit", "berichtete Bloomberg", "wie Reuters berichtet", "according to",
 * "said", "told"), German reported speech in Konjunktiv I ("habe", "sei") and
 * hearsay "soll … haben", and findings of studies/polls.
 *
 * Statements attributed only to a vague collective ("Kritiker", "experts")
 * are dropped: the labelling guideline does not count them as attributions.
 */
import { claimantAfter, claimantBefore, isVagueSubject } from "./claimant";
import type { QuoteRegion } from "./quotes";
import { unicodeWords } from "./regex";
import type { Language, Span } from "./types";

export interface AttributionSignal extends Span {
  /** The reporting words, for the reason text. */
  text: string;
  claimant?: string;
}

/**
 * How to find the claimant: "after" the match ("laut X"), from a captured "group"
 * ("wie X berichtet"), "auto" for reporting verbs (before or after, by word order),
 * "before" only ("X told"), or "none" (Konjunktiv, studies).
 */
type Mode = "after" | "group" | "auto" | "before" | "none";
interface Rule { re: RegExp; mode: Mode; needsClaimant?: boolean; check?: (m: RegExpExecArray, pre: string) => boolean }

const DE_VERBS =
  "sagte|sagt|sagten|erklärte|erklärt|erklärten|betonte|betont|betonten|warnte|warnt|warnten|berichtete|berichtet|berichteten|" +
  "meldete|meldet|meldeten|forderte|fordert|forderten|kritisierte|kritisiert|kritisierten|bestätigte|bestätigt|bestätigten|" +
  "behauptete|behauptet|schrieb|schreibt|twitterte|zitiert|zitierte|sprach von|spricht von|verwies|verweist|argumentierte|" +
  "argumentiert|bekräftigte|versicherte|unterstrich|mahnte|mahnt|beklagte|beklagt|bemängelte|monierte|dementierte|erläuterte|" +
  "ergänzte|verkündete|verkündet|pochte|pocht|drängte|drängt|appellierte|prognostizierte|prognostiziert|beteuerte|lobte|lobt|" +
  "räumte|teilte|teilt|teilten|kündigte|kündigt|kündigten|stellte|fügte|wies|sicherte|rechnet|rechnete|gab|" +
  "nannte|nennt|nannten|bezeichnete|bezeichnet|bezeichneten|widersprach|widerspricht|bestritt|bestreitet|bezweifelte|" +
  "bezweifelt|bezifferte|beziffert|schätzte|schätzt|plädierte|plädiert|verlangte|verlangt|empfahl|empfiehlt|riet|rät|" +
  "signalisierte|äußerte|kommentierte|antwortete|entgegnete|schilderte|bilanzierte|hob|hält|hielt|halten|hielten";
/** Separable verbs only report speech with their particle ("teilte … mit", "kündigte … an"). */
const DE_PARTICLE: Record<string, RegExp> = {
  räumte: /\sein\b/, teilte: /\smit\b/, teilt: /\smit\b/, teilten: /\smit\b/, kündigte: /\san\b/, kündigt: /\san\b/,
  kündigten: /\san\b/, stellte: /\sklar\b/, fügte: /\shinzu\b/, wies: /\s(?:zurück|hin)\b/, sicherte: /\szu\b/, rechnet: /\smit\b/,
  rechnete: /\smit\b/, gab: /\sbekannt\b/, hob: /\shervor\b/, hält: /\sfür\b/, hielt: /\sfür\b/, halten: /\sfür\b/,
  hielten: /\sfür\b/,
};
const EN_VERBS =
  "said|says|say|told|tells|added|adds|stated|announced|announces|reported|wrote|writes|claimed|argued|argues|warned|warns|" +
  "insisted|insists|noted|explained|confirmed|denied|estimated|predicted|acknowledged|admitted|alleged|asserted|cautioned|" +
  "stressed|emphasi[sz]ed|urged|tweeted|testified|revealed|disclosed|suggested|concluded|complained|blamed|accused|praised|" +
  "criticised|criticized|pledged|promised|vowed|called for|disputes|disputed|rejects|rejected|questioned|maintains|" +
  "maintained|contends|contended|countered|responded|replied|described|conceded|reiterated|recalled|insist|argue|warn|" +
  "believes|expects|predicts";

const RULES: Record<Language, Rule[]> = {
  de: [
    { re: /\b(?:laut|lt\.)\s/giu, mode: "after", needsClaimant: true },
    { re: /\bnach (?:eigenen |offiziellen |ersten |vorläufigen )?Angaben\b/giu, mode: "after" },
    { re: /\b([^,.;:–]{2,60}?)\s+zufolge\b/gu, mode: "group" },
    { re: /\bwie\s+((?:der|die|das|den|dem)\s+)?([^,.;]{1,60}?)\s+(?:berichtet|berichtete|berichten|berichteten|mitteilte|mitteilt|mitteilten|meldet|meldete|sagte|sagt|erklärte|erklärt|schreibt|schrieb|anführt|anführte|betont|betonte|bestätigte|bestätigt|schätzt|schätzte)\b/giu, mode: "group" },
    { re: /\b(?:geht|ging) aus\s+([^.;]{1,80}?)\s+hervor\b|\baus\s+([^.;]{1,80}?)\s+hervorgeht\b/giu, mode: "group" },
    { re: new RegExp(`\\b(?:${DE_VERBS})\\b`, "giu"), mode: "auto" },
    { re: /\b(?:Studie|Umfrage|Bericht|Analyse|Untersuchung|Statistik|Erhebung|Daten)\p{L}*\s(?:[^.]{0,40}?\s)?(?:zeigt|zeigte|zeigen|ergab|ergibt|belegt|belegte|legt nahe)\b|\bhieß es\b|\bheißt es\b/gu, mode: "none" },
    // Konjunktiv I is reported speech; "ich habe"/"sei es" are not.
    { re: /\b(?:habe|sei|seien|werde|könne|müsse|dürfe|wolle|solle)\b(?! es\b)/gu, mode: "none", check: (_m, pre) => !/\b(?:ich|Ich)\s+$/.test(pre) },
    { re: /\bsoll(?:en)?\b[^.;:,]*?\b(?:haben|sein)\b/gu, mode: "none" },
  ],
  en: [
    { re: /\baccording to\b/giu, mode: "after" },
    { re: /\btold\b/giu, mode: "before", check: (_m, pre) => !/\b(?:is|are|was|were|be|been|being)\s+$/i.test(pre) },
    { re: new RegExp(`\\b(?:${EN_VERBS})\\b`, "giu"), mode: "auto", check: (m, pre) => m[0].toLowerCase() !== "told" && !/\b(?:is|are|was|were|be|been|being|a)\s+$/i.test(pre) },
    // "called the fall “encouraging”": calling something by a quoted word.
    { re: /\bcalled\b(?=[^.“”"]{1,60}[“"])/giu, mode: "auto", check: (_m, pre) => !/\b(?:is|are|was|were|be|been|being|a)\s+$/i.test(pre) },
    { re: /\b(?:study|survey|report|poll|analysis|data|research|figures|statistics|review|paper)\s(?:[^.]{0,40}?\s)?(?:shows|showed|found|finds|suggests|suggested|concluded|concludes|indicates|indicated|revealed)\b|\bin a statement\b/giu, mode: "none" },
  ],
};

const COMPILED: Record<Language, Rule[]> = {
  de: RULES.de.map((r) => ({ ...r, re: unicodeWords(r.re) })),
  en: RULES.en.map((r) => ({ ...r, re: unicodeWords(r.re) })),
};

/** Attribution signals in text[start, end), ignoring words inside direct quotes. */
export function findAttributions(text: string, start: number, end: number, language: Language, quotes: QuoteRegion[]): AttributionSignal[] {
  const slice = text.slice(start, end);
  const out: AttributionSignal[] = [];
  for (const rule of COMPILED[language]) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(slice); m; m = rule.re.exec(slice)) {
      const at = start + m.index;
      if (quotes.some((q) => q.words >= 4 && q.start < at && at < q.end)) continue;
      // The subject stretch before the match: from the last direct quote (or the sentence start).
      const quoteEnd = Math.max(start, ...quotes.filter((q) => q.end <= at && q.end > start).map((q) => q.end));
      const pre = text.slice(quoteEnd, at);
      if (rule.check && !rule.check(m, pre)) continue;
      const verb = m[0].split(/\s+/)[0];
      const particle = DE_PARTICLE[verb.toLowerCase()];
      if (language === "de" && rule.mode === "auto" && particle && !particle.test(text.slice(at, end))) continue;
      let claimant: string | undefined;
      const after = text.slice(at + m[0].length, end);
      if (rule.mode === "after") claimant = claimantAfter(after);
      else if (rule.mode === "group") {
        const group = m[2] ?? m[1] ?? "";
        claimant = /zufolge$/.test(m[0]) ? claimantBefore(group) : claimantAfter(group);
      } else if (rule.mode === "before" || rule.mode === "auto") {
        const inverted = rule.mode === "auto" && /[,“”"«»:]\s*$/.test(pre);
        const verbEnd = at + verb.length + (/^(?:sprach|spricht) von/i.test(m[0]) ? 4 : 0);
        if (inverted) claimant = claimantAfter(text.slice(verbEnd, end)) ?? claimantBefore(pre);
        else {
          if (isVagueSubject(pre)) continue;
          claimant = claimantBefore(pre) ?? (rule.mode === "auto" ? claimantAfter(text.slice(verbEnd, end)) : undefined);
        }
      }
      if (rule.needsClaimant && !claimant) continue;
      const shown = rule.mode === "auto" || rule.mode === "before" ? verb : m[0];
      out.push({ start: at, end: at + shown.length, text: shown, ...(claimant ? { claimant } : {}) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
