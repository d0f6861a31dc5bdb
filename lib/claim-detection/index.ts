/**
 * Claim-suggestion detector: finds check-worthy statements (figures,
 * comparisons, attributed statements, direct quotes) in German or English
 * article text. Framework-free; used by the server and by scripts/suggest.ts.
 */
export { detectLanguage } from "./language";
export { parseFigures, parseNumeral } from "./numbers";
export { splitSentences } from "./sentences";
export { suggestClaims, isTriggerFigure } from "./suggest";
export type { Figure, Language, Span, Suggestion, SuggestionKind } from "./types";
