import { describe, expect, it } from "vitest";
import { isHttpUrl } from "./fields";
import { ZCreateClaim } from "./claim";
import { fieldErrors } from "./errors";

const valid = {
  articleSlug: "a",
  passage: { start: 0, end: 4 },
  claimText: " Aussage ",
  claimant: "Shin Won-sik",
  verdict: "FALSE",
  rationale: "Weil.",
  sources: [{ url: "https://example.org/x", title: "T", publisher: "P", stance: "REFUTES" }],
};

describe("isHttpUrl", () => {
  it("accepts http and https only", () => {
    expect(isHttpUrl("https://example.org/a?b=c")).toBe(true);
    expect(isHttpUrl("http://localhost:3000/")).toBe(true);
    for (const bad of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,x", "vbscript:x", "ftp://x.org", "//x.org", "https://", "https://exa mple.org", "https://x.org/\n"]) {
      expect(isHttpUrl(bad), bad).toBe(false);
    }
  });
});

describe("ZCreateClaim", () => {
  it("trims text and defaults optional fields", () => {
    const parsed = ZCreateClaim.parse(valid);
    expect(parsed.claimText).toBe("Aussage");
    expect(parsed.sources[0]).toMatchObject({ excerpt: "", publishedAt: null });
  });

  it("names every bad field", () => {
    const result = ZCreateClaim.safeParse({ ...valid, claimant: "  ", verdict: "NOPE", sources: [{ ...valid.sources[0], url: "data:x", publishedAt: "2024-13-45" }], passage: { start: 3, end: 3 } });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({
      claimant: "required",
      verdict: "invalid_choice",
      "sources.0.url": "invalid_url",
      "sources.0.publishedAt": "invalid_date",
      "passage.end": "empty_selection",
    });
  });

  it("refuses extra fields such as authorId or status", () => {
    expect(ZCreateClaim.safeParse({ ...valid, authorId: "x" }).success).toBe(false);
    expect(ZCreateClaim.safeParse({ ...valid, status: "PUBLISHED" }).success).toBe(false);
  });
});
