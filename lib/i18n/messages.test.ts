import { describe, expect, it } from "vitest";
import { MESSAGES, errorMessage, localeFromAcceptLanguage, translator } from "./messages";

describe("i18n", () => {
  it("has every key in both languages, with the same placeholders", () => {
    const keys = Object.keys(MESSAGES.en);
    expect(Object.keys(MESSAGES.de).sort()).toEqual(keys.sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of keys) expect(placeholders(MESSAGES.de[key as keyof typeof MESSAGES.de]), key).toEqual(placeholders(MESSAGES.en[key as keyof typeof MESSAGES.en]));
  });

  it("picks the browser's language, German by default", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,de;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR,de;q=0.5,en;q=0.7")).toBe("en");
    expect(localeFromAcceptLanguage("fr")).toBe("de");
    expect(localeFromAcceptLanguage(null)).toBe("de");
  });

  it("fills placeholders and explains validation codes", () => {
    const t = translator("de");
    expect(t("home.claimsChecked", { count: 3 })).toBe("3 Aussagen geprüft");
    expect(errorMessage(t, "too_long:300")).toBe("Höchstens 300 Zeichen.");
    expect(errorMessage(translator("en"), "invalid_url")).toBe("Enter a link starting with http:// or https://.");
  });
});
