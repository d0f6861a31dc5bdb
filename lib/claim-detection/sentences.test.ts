/** Unit tests for sentence splitting. */
import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences";
import type { Language } from "./types";

const split = (text: string, lang: Language) => splitSentences(text, lang).map((s) => text.slice(s.start, s.end));

describe("splitSentences (German)", () => {
  it("keeps abbreviations, ordinal dates and decimals inside sentences", () => {
    const text = "Am 12. Juni 2024 kam Dr. Müller (r.) an, z. B. mit 4,8 Mio. Euro für Nr. 5. Der 3. Platz ging an ihn (in der Ukraine, Anm. d. Red.) wieder. Die Quote lag bei 3.5 Prozent. Ende.";
    expect(split(text, "de")).toEqual([
      "Am 12. Juni 2024 kam Dr. Müller (r.) an, z. B. mit 4,8 Mio. Euro für Nr. 5.",
      "Der 3. Platz ging an ihn (in der Ukraine, Anm. d. Red.) wieder.",
      "Die Quote lag bei 3.5 Prozent.",
      "Ende.",
    ]);
  });
  it("ends sentences after closing quotes, not before an attribution", () => {
    const text = "Er sagte: „Das ist gut.“ Danach ging er. „Wir kommen“, sagte sie. „Kommt ihr?“ Niemand antwortete.";
    expect(split(text, "de")).toEqual(["Er sagte: „Das ist gut.“", "Danach ging er.", "„Wir kommen“, sagte sie.", "„Kommt ihr?“", "Niemand antwortete."]);
  });
  it("treats lines without punctuation (headings) and paragraphs as boundaries", () => {
    const text = "Titel ohne Punkt\n\nErster Satz. Zweiter Satz.\n  1. Startseite\n";
    expect(split(text, "de")).toEqual(["Titel ohne Punkt", "Erster Satz.", "Zweiter Satz.", "1. Startseite"]);
  });
  it("joins hard-wrapped lines", () => {
    expect(split("Das ist ein langer Satz, der\numbricht. Neu.", "de")).toEqual(["Das ist ein langer Satz, der\numbricht.", "Neu."]);
  });
});

describe("splitSentences (English)", () => {
  it("keeps U.S., Mr., Dr., e.g. and decimals inside sentences", () => {
    const text = "The U.S. economy grew 3.5% in 2023. Mr. Smith and Dr. Jones agreed, e.g. on taxes. “It works.” She left at 3 p.m. on Friday. Was it true? Yes!";
    expect(split(text, "en")).toEqual([
      "The U.S. economy grew 3.5% in 2023.",
      "Mr. Smith and Dr. Jones agreed, e.g. on taxes.",
      "“It works.”",
      "She left at 3 p.m. on Friday.",
      "Was it true?",
      "Yes!",
    ]);
  });
  it("spans carry no surrounding whitespace", () => {
    const text = "  One.   Two.  \n\n Three. ";
    for (const s of splitSentences(text, "en")) expect(text.slice(s.start, s.end)).toBe(text.slice(s.start, s.end).trim());
  });
});
