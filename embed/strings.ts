/**
 * The overlay's few words in German and English. Its own small table rather than the app's
 * message catalogue (lib/i18n), which would multiply the bundle for a dozen strings.
 */
import type { Locale } from "../lib/domain/verdicts";

export const STRINGS = {
  de: {
    verdict: "Urteil",
    claimBy: "Aussage von",
    rationale: "Begründung",
    sources: "Quellen",
    close: "Schließen",
    permalink: "Ganzen Faktencheck lesen",
    checkedBy: "Geprüft von",
    others: "Weitere Prüfungen an dieser Stelle",
    dialog: "Faktencheck",
    stance: { supports: "stützt die Aussage", refutes: "widerlegt die Aussage", context: "Kontext" } as Record<string, string>,
  },
  en: {
    verdict: "Verdict",
    claimBy: "Claim by",
    rationale: "Why",
    sources: "Sources",
    close: "Close",
    permalink: "Read the full fact-check",
    checkedBy: "Checked by",
    others: "Other checks at this place",
    dialog: "Fact-check",
    stance: { supports: "supports the claim", refutes: "refutes the claim", context: "context" } as Record<string, string>,
  },
} satisfies Record<Locale, unknown>;

export type Strings = (typeof STRINGS)[Locale];

/** The host page's language (`<html lang>`), German or English (the default). */
export function pageLocale(doc: Document): Locale {
  return (doc.documentElement.getAttribute("lang") ?? "").toLowerCase().startsWith("de") ? "de" : "en";
}

/** A quote shortened for an accessible name: whitespace collapsed, at most `max` characters. */
export function shortQuote(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
