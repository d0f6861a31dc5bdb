import { describe, expect, it } from "vitest";
import { normalizeSourceUrl, sourceUrlVariants } from "./source-url";

describe("normalizeSourceUrl", () => {
  it("drops fragments and tracking parameters, keeps the rest of the query", () => {
    expect(normalizeSourceUrl(" https://Example.org/a?utm_source=x&id=3&fbclid=y#comments ")).toBe("https://example.org/a?id=3");
    expect(normalizeSourceUrl("https://example.org/a?utm_medium=social")).toBe("https://example.org/a");
    expect(normalizeSourceUrl("https://example.org/a?b=%20c")).toBe("https://example.org/a?b=%20c");
    expect(normalizeSourceUrl("not a url")).toBe("not a url");
  });
});

describe("sourceUrlVariants", () => {
  it("covers the forms a stored address of the same page may have", () => {
    expect(sourceUrlVariants("https://example.org/politik/putin-kim-nordkorea/?utm_source=nl#x")).toEqual(
      expect.arrayContaining(["https://example.org/politik/putin-kim-nordkorea", "https://example.org/politik/putin-kim-nordkorea/"]),
    );
    expect(sourceUrlVariants("https://example.org/a?id=3")).toEqual(expect.arrayContaining(["https://example.org/a?id=3", "https://example.org/a/?id=3"]));
  });
});
