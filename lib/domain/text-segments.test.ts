import { describe, expect, it } from "vitest";
import { segmentText } from "./text-segments";

describe("segmentText", () => {
  it("cuts at every boundary and keeps the text whole", () => {
    const text = "abcdefghij";
    const segments = segmentText(text, 100, [
      { id: "outer", start: 101, end: 108 },
      { id: "inner", start: 103, end: 105 },
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.map((s) => [s.text, s.rangeIds])).toEqual([
      ["a", []],
      ["bc", ["outer"]],
      ["de", ["inner", "outer"]],
      ["fgh", ["outer"]],
      ["ij", []],
    ]);
  });

  it("clips ranges to the block and ignores ranges elsewhere", () => {
    const segments = segmentText("hello", 10, [
      { id: "spans", start: 5, end: 12 },
      { id: "before", start: 0, end: 10 },
      { id: "after", start: 15, end: 20 },
    ]);
    expect(segments.map((s) => [s.start, s.end, s.rangeIds])).toEqual([
      [10, 12, ["spans"]],
      [12, 15, []],
    ]);
  });
});
