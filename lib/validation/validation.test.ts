import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isHttpUrl, LIMITS, MAX_DB_INT } from "./fields";
import { ZCreateClaim, ZDeleteClaim } from "./claim";
import { fieldErrors } from "./errors";
import * as accountSchemas from "./account";
import * as articleSchemas from "./article";
import * as claimSchemas from "./claim";
import * as importSchemas from "./import";

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

/** Paths inside a schema where input of unbounded size would be accepted (strings, arrays, numbers without a max). */
function unboundedPaths(schema: z.ZodType, path = "$"): string[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string; checks?: { _zod: { def: { check: string } } }[] };
  const has = (...kinds: string[]) => (def.checks ?? []).some((c) => kinds.includes(c._zod.def.check));
  switch (def.type) {
    case "string":
      return has("max_length", "length_equals") ? [] : [path];
    case "number":
      return has("less_than") ? [] : [path];
    case "array":
      return [...(has("max_length", "length_equals") ? [] : [path]), ...unboundedPaths(def.element as z.ZodType, `${path}[]`)];
    case "object":
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, field]) => unboundedPaths(field, `${path}.${key}`));
    case "pipe":
      // What is parsed first bounds the input; the output side sees only what passed.
      return unboundedPaths(def.in as z.ZodType, path);
    case "default":
    case "optional":
    case "nullable":
      return unboundedPaths(def.innerType as z.ZodType, path);
    case "enum":
    case "boolean":
    case "literal":
      return [];
    default:
      return [`${path} (${def.type}: unknown to this check)`];
  }
}

describe("every input schema bounds its input", () => {
  const schemas = Object.entries({ ...accountSchemas, ...articleSchemas, ...claimSchemas, ...importSchemas } as Record<string, unknown>).filter(
    (entry): entry is [string, z.ZodType] => entry[0].startsWith("Z") && entry[1] instanceof z.ZodType,
  );

  it("has a max on every string, array and number", () => {
    expect(schemas.length).toBeGreaterThan(15);
    expect(schemas.flatMap(([name, schema]) => unboundedPaths(schema, name))).toEqual([]);
  });

  it("finds a missing max (the check itself works)", () => {
    expect(unboundedPaths(z.object({ a: z.string(), b: z.array(z.string().max(1)), c: z.number().int() }))).toEqual(["$.a", "$.b", "$.c"]);
  });

  it("refuses version numbers beyond a database integer and offsets beyond the longest article", () => {
    expect(ZDeleteClaim.safeParse({ claimId: "c", version: MAX_DB_INT }).success).toBe(true);
    expect(ZDeleteClaim.safeParse({ claimId: "c", version: MAX_DB_INT + 1 }).success).toBe(false);
    expect(ZCreateClaim.safeParse({ ...valid, passage: { start: 0, end: LIMITS.articleText + 1 } }).success).toBe(false);
  });
});
