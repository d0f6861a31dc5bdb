import { describe, expect, it } from "vitest";
import { slugify, MAX_SLUG_LENGTH } from "./slug";
import { safeCallbackPath } from "./safe-redirect";

describe("slugify", () => {
  it("transliterates German and drops punctuation", () => {
    expect(slugify("Putin und Kim Jong-un verstärken Beziehungen: USA und Südkorea alarmiert")).toBe(
      "putin-und-kim-jong-un-verstaerken-beziehungen-usa-und-suedkorea-alarmiert",
    );
    expect(slugify("Straße – „Größe“ 4,8 %")).toBe("strasse-groesse-4-8");
    expect(slugify("!!!")).toBe("article");
    expect(slugify("a ".repeat(100)).length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
  });
});

describe("safeCallbackPath", () => {
  it("keeps local paths and refuses everything that could leave the site", () => {
    expect(safeCallbackPath("/review/x?y=1#z")).toBe("/review/x?y=1#z");
    for (const bad of ["//evil.example/x", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "review", "", undefined, "/\u0000x"]) {
      expect(safeCallbackPath(bad)).toBe("/");
    }
  });
});
