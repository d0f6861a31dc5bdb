/** Unit tests for figure parsing (numbers.ts, dates.ts, number-words.ts). */
import { describe, expect, it } from "vitest";
import { parseFigures, parseNumeral } from "./numbers";
import type { Figure, Language } from "./types";

const figs = (text: string, lang: Language) => parseFigures(text, lang);
const one = (text: string, lang: Language): Figure => {
  const f = figs(text, lang);
  expect(f, JSON.stringify(f)).toHaveLength(1);
  expect(text.slice(f[0].start, f[0].end)).toBe(f[0].text);
  return f[0];
};

describe("parseNumeral", () => {
  it.each([
    ["4,8", "de", 4.8], ["10.000", "de", 10000], ["1.234.567,89", "de", 1234567.89], ["20.15", "de", 20.15],
    ["4.8", "en", 4.8], ["1,000", "en", 1000], ["1,234,567.5", "en", 1234567.5], ["3.5", "en", 3.5],
  ] as const)("%s (%s) = %d", (raw, lang, value) => expect(parseNumeral(raw, lang)).toBe(value));
  it("rejects malformed groupings", () => expect(parseNumeral("1.2.3", "de")).toBeNull());
});

describe("German figures", () => {
  it("4,8 Millionen Artilleriegeschosse = 4 800 000", () => {
    expect(one("an die 4,8 Millionen Artilleriegeschosse befunden", "de")).toMatchObject({
      text: "an die 4,8 Millionen Artilleriegeschosse", value: 4.8, unit: "Artilleriegeschosse", normalized: 4_800_000, qualifier: "an die",
    });
  });
  it("mehr als 10.000 Schiffscontainer = 10 000", () => {
    expect(one("bereits mehr als 10.000 Schiffscontainer nach", "de")).toMatchObject({ value: 10000, unit: "Schiffscontainer", normalized: 10000, qualifier: "mehr als" });
  });
  it("scale abbreviations and money", () => {
    expect(one("5 Milliarden Euro", "de")).toMatchObject({ unit: "EUR", normalized: 5e9 });
    expect(one("3,2 Mio. Menschen", "de")).toMatchObject({ text: "3,2 Mio. Menschen", normalized: 3.2e6, unit: "Menschen" });
    expect(one("1,5 Mrd. Dollar", "de")).toMatchObject({ normalized: 1.5e9, unit: "USD" });
    expect(one("20 Tausend Besucher", "de")).toMatchObject({ normalized: 20000 });
    expect(one("Das kostet € 12,50.", "de")).toMatchObject({ text: "€ 12,50", value: 12.5, unit: "EUR" });
  });
  it("percentages", () => {
    expect(one("um 3,7 Prozent gesunken", "de")).toMatchObject({ value: 3.7, unit: "%" });
    expect(one("bei 93,1 %", "de")).toMatchObject({ value: 93.1, unit: "%" });
    expect(one("um sechs Prozent", "de")).toMatchObject({ value: 6, unit: "%" });
  });
  it("ordinal dates are dates, not the number 12", () => {
    expect(one("Am 12. Juni 2024 trat es in Kraft.", "de")).toMatchObject({ unit: "date", iso: "2024-06-12", normalized: 20240612 });
    expect(one("bis zum 3. März", "de")).toMatchObject({ unit: "date", iso: "--03-03" });
    expect(one("Seit März 2020 gilt", "de")).toMatchObject({ unit: "date", iso: "2020-03" });
  });
  it("years", () => {
    expect(one("das erste Mal seit dem Jahr 2000.", "de")).toMatchObject({ value: 2000, unit: "year" });
    expect(one("Seit der Revolution von 1979 ist", "de")).toMatchObject({ value: 1979, unit: "year" });
    expect(one("1500 Menschen", "de")).toMatchObject({ value: 1500, unit: "Menschen" });
  });
  it("ranges count as the first number", () => {
    expect(one("steckt 12 bis 18 weitere Menschen an", "de")).toMatchObject({ value: 12, unit: "Menschen" });
  });
  it("times, scores, ages, ordinals", () => {
    expect(one("um 20.15 Uhr", "de")).toMatchObject({ unit: "time", normalized: 2015 });
    expect(one("mit 26:29 verloren", "de")).toMatchObject({ unit: "score", value: 26 });
    expect(one("Der 24-Jährige spielt", "de")).toMatchObject({ unit: "age", value: 24 });
    expect(one("der 3. Platz", "de")).toMatchObject({ unit: "ordinal", value: 3 });
  });
  it("numbers in names and referring numerals are not figures", () => {
    expect(figs("Drohnen wie die Shahed 136 Kamikazedrohne", "de")).toEqual([]);
    expect(figs("während der Covid-19-Pandemie", "de")).toEqual([]);
    expect(figs("zwischen den zwei Diktatoren", "de")).toEqual([]);
    expect(figs("spielt um Platz drei", "de")).toEqual([]);
  });
  it("number words and fractions", () => {
    expect(one("sind zwei Impfdosen nötig", "de")).toMatchObject({ value: 2, unit: "Impfdosen" });
    expect(one("rund zwei Drittel des Eises", "de").value).toBeCloseTo(2 / 3);
    expect(one("leuchtet fast jede zweite Verbindung rot", "de")).toMatchObject({ text: "fast jede zweite", value: 0.5, unit: "fraction" });
  });
});

describe("English figures", () => {
  it("4.8 million shells = 4 800 000", () => {
    expect(one("some 4.8 million shells", "en")).toMatchObject({ value: 4.8, unit: "shells", normalized: 4_800_000 });
  });
  it("1,000 = 1000 and 3.5%", () => {
    expect(one("1,000 people", "en")).toMatchObject({ value: 1000, unit: "people" });
    expect(one("rose 3.5% in", "en")).toMatchObject({ value: 3.5, unit: "%" });
    expect(one("3.5 per cent", "en")).toMatchObject({ value: 3.5, unit: "%" });
  });
  it("money with glued scale", () => {
    expect(one("a $3.2bn deal", "en")).toMatchObject({ value: 3.2, unit: "USD", normalized: 3.2e9 });
    expect(one("£5m", "en")).toMatchObject({ unit: "GBP", normalized: 5e6 });
    expect(one("about €1.6 billion.", "en")).toMatchObject({ text: "about €1.6 billion", unit: "EUR", normalized: 1.6e9 });
    expect(one("the 100m sprint", "en")).toMatchObject({ unit: "m", normalized: 100 });
  });
  it("dates, years, decades", () => {
    expect(one("on June 12, 2024.", "en")).toMatchObject({ unit: "date", iso: "2024-06-12" });
    expect(one("launched in April 2023", "en")).toMatchObject({ unit: "date", iso: "2023-04" });
    expect(one("At the 2019 general election", "en")).toMatchObject({ unit: "year", value: 2019 });
    expect(one("in the 1960s", "en")).toMatchObject({ unit: "year", value: 1960 });
  });
  it("ranges, ages, durations, identifiers", () => {
    expect(one("from 2,000 to 4,000 steps a day", "en")).toMatchObject({ value: 2000, unit: "steps" });
    expect(one("allow 16- and 17-year-olds to vote", "en")).toMatchObject({ value: 16, unit: "year-olds" });
    expect(one("The 29-year-old finished", "en")).toMatchObject({ unit: "age" });
    expect(one("in 2:03:17.", "en")).toMatchObject({ unit: "duration", normalized: 2 * 3600 + 3 * 60 + 17 });
    expect(figs("The S&P 500 closed", "en")).toEqual([]);
    expect(figs("The Juno-2 spacecraft", "en")).toEqual([]);
  });
  it("number words", () => {
    expect(one("Eleven world records", "en")).toMatchObject({ value: 11, unit: "world records" });
    expect(figs("The two missions", "en")).toEqual([]);
    expect(figs("half-empty trolleys", "en")).toEqual([]);
    expect(one("one in three adults", "en").value).toBeCloseTo(1 / 3);
  });
});
