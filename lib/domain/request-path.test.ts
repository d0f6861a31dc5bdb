import { describe, expect, it } from "vitest";
import { isReadablePath } from "./request-path";

describe("isReadablePath", () => {
  it("accepts ordinary and percent-encoded UTF-8 paths", () => {
    for (const path of ["/", "/articles/putin-kim-nordkorea", "/articles/m%C3%BCnchen", "/api/v1/claims/cmx2bzdy5"]) expect(isReadablePath(path)).toBe(true);
  });

  it("refuses percent-encoding that is not UTF-8, and NUL bytes", () => {
    for (const path of ["/articles/%FF", "/api/v1/claims/%E0%A4%A", "/api/v1/claims/%", "/articles/%00", "/api/v1/claims/a%00b", "/x/%ED%A0%80"]) expect(isReadablePath(path)).toBe(false);
  });
});
