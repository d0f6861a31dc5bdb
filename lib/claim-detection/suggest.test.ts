/** Unit tests for claim suggestions on the reference article and English/German snippets. */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildText, loadArticles } from "./eval";
import { detectLanguage } from "./language";
import { suggestClaims } from "./suggest";
import type { Language, Suggestion } from "./types";

const REFERENCE = loadArticles().find((a) => a.file === "de-00-putin-kim-nordkorea.json")!;
const FIXTURE = "/work/shared/fixtures/articles/putin-kim-nordkorea.de.txt";

/** Offsets exact, no surrounding whitespace, no overlaps. */
function checkWellFormed(text: string, suggestions: Suggestion[]) {
  let lastEnd = -1;
  for (const s of suggestions) {
    expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(s.text).toBe(s.text.trim());
    expect(s.start).toBeGreaterThanOrEqual(lastEnd);
    lastEnd = s.end;
    for (const f of s.figures) {
      expect(text.slice(f.start, f.end)).toBe(f.text);
      expect(f.start >= s.start && f.end <= s.end).toBe(true);
    }
  }
}

const covering = (suggestions: Suggestion[], needle: string) => suggestions.find((s) => s.text.includes(needle));

function expectReferenceSuggestions(text: string) {
  const language = detectLanguage(text);
  expect(language).toBe("de");
  const suggestions = suggestClaims(text, language!);
  checkWellFormed(text, suggestions);
  const shells = covering(suggestions, "4,8 Millionen Artilleriegeschosse");
  expect(shells?.kind).toBe("figure");
  expect(shells?.figures.find((f) => f.normalized === 4_800_000)?.unit).toBe("Artilleriegeschosse");
  const containers = covering(suggestions, "mehr als 10.000 Schiffscontainer");
  expect(containers?.claimant).toBe("Shin Won-sik");
  expect(containers?.figures.some((f) => f.normalized === 10000 && f.unit === "Schiffscontainer")).toBe(true);
  expect(covering(suggestions, "das erste Mal seit dem Jahr 2000")?.kind).toBe("comparison");
  const bloomberg = covering(suggestions, "berichtete Bloomberg");
  expect(bloomberg?.text.startsWith("Im Gegenzug soll Nordkorea")).toBe(true);
  expect(bloomberg?.claimant).toBe("Bloomberg");
  expect(covering(suggestions, "Seit der iranischen Revolution von 1979 ist das die erste militärische Unterstützung des Irans für ein nicht islamisches Land")?.kind).toBe("comparison");
  expect(covering(suggestions, "zitiert ihn der Guardian")?.kind).toBe("quote");
  expect(covering(suggestions, "wie Reuters berichtet")?.claimant).toBe("Reuters");
  expect(covering(suggestions, "Dmitri Peskow pochte")?.claimant).toBe("Dmitri Peskow");
  // Opinions and intertitles are not suggested.
  expect(covering(suggestions, "fast schon als historisch bezeichnen")).toBeUndefined();
  expect(covering(suggestions, "Putin wohl bald in Pjöngjang")).toBeUndefined();
  return suggestions;
}

describe("reference article (putin-kim-nordkorea)", () => {
  it("finds the required claims in the labelled body", () => {
    expectReferenceSuggestions(buildText(REFERENCE).text);
  });
  it.skipIf(!existsSync(FIXTURE))("finds them in the raw fixture with site chrome, offsets into the file text", () => {
    const suggestions = expectReferenceSuggestions(readFileSync(FIXTURE, "utf8"));
    expect(suggestions.some((s) => /Startseite|Kommentare|IMAGO/.test(s.text))).toBe(false);
  });
});

const suggest = (text: string, lang: Language) => {
  const s = suggestClaims(text, lang);
  checkWellFormed(text, s);
  return s;
};

describe("English", () => {
  const text =
    "Walking 7,000 steps a day cuts the risk of dying early by 47%, according to a study in The Lancet. " +
    "“We were surprised by how strong the effect was,” said lead author Melissa Tan. " +
    "It is the largest study of its kind. " +
    "Is that enough? " +
    "Taking the stairs is a good place to start. " +
    "Reuters reported that the U.S. government plans a $3.2bn programme.";
  const s = suggest(text, "en");
  it("one suggestion per claim sentence, none for the question and the advice", () => {
    expect(s.map((x) => x.kind)).toEqual(["figure", "quote", "comparison", "figure"]);
  });
  it("figures, claimants and reasons", () => {
    expect(s[0].figures.map((f) => f.normalized)).toEqual([7000, 47]);
    expect(s[0].reason).toBe("contains a figure: 7,000 steps, 47%");
    expect(s[1].claimant).toBe("Melissa Tan");
    expect(s[3].figures[0]).toMatchObject({ unit: "USD", normalized: 3.2e9 });
    expect(s[3].claimant).toBe("Reuters");
  });
  it("vague sources and incidental numbers are not claims", () => {
    expect(suggest("Experts cautioned that the data were observational. The 29-year-old arrived at 3.45 a.m. local time. The two teams met again.", "en")).toEqual([]);
  });
  it("bare superlatives, comparatives of change, quantified vague sources", () => {
    expect(suggest("Spain and Greece were hit hardest.", "en")[0]?.kind).toBe("comparison");
    expect(suggest("Heatwaves will become more frequent.", "en")[0]?.kind).toBe("comparison");
    expect(suggest("Many doctors say they are leaving.", "en")).toEqual([]);
  });
  it("quotes with straight double quotes", () => {
    expect(suggest('"I felt strong from the start, and the crowd carried me," Chepkoech said.', "en")[0]).toMatchObject({ kind: "quote", claimant: "Chepkoech" });
  });
});

describe("German", () => {
  it("ages, times and schedule dates are not claims; years are", () => {
    expect(suggest("Der 24-Jährige spielt seit dieser Saison hier. Am Sonntag um 15.30 Uhr spielt die Mannschaft. Die nächste Sitzung ist für den 14. Mai angesetzt.", "de")).toEqual([]);
    expect(suggest("Der Verein wurde 1902 gegründet.", "de")[0]?.kind).toBe("figure");
  });
  it("narrows long figure sentences to the clauses with the figure", () => {
    const text = "Die Landesregierung hat nach langen und zähen Verhandlungen mit den Kommunen, den Verbänden und der Opposition beschlossen, dass künftig 40.000 neue Wohnungen pro Jahr gebaut werden sollen, was Kritiker für unrealistisch halten.";
    const [s] = suggest(text, "de");
    expect(s.kind).toBe("figure");
    expect(s.text).toContain("40.000 neue Wohnungen");
    expect(s.text.length).toBeLessThan(text.length);
  });
  it("reporting verbs with a named source; vague collectives are ignored", () => {
    expect(suggest("Der Fahrgastverband Pro Bahn hält das für unzureichend.", "de")[0]).toMatchObject({ kind: "attribution", claimant: "Fahrgastverband Pro Bahn" });
    expect(suggest("Verkehrsminister Bernd Kaltenbach nannte die Zahlen „inakzeptabel“.", "de")[0]?.claimant).toBe("Bernd Kaltenbach");
    expect(suggest("Kritiker halten das Gesetz für wirkungslos. Umweltverbände halten das für zu wenig.", "de")).toEqual([]);
  });
  it("Konjunktiv I reported speech is an attribution", () => {
    expect(suggest("Der Minister habe sich mit seinem Kollegen getroffen.", "de")[0]?.kind).toBe("attribution");
  });
});
