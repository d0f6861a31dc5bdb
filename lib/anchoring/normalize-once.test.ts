/** The anchoring worker's normalize(): the same answers as normalize.ts, long texts worked out once. */
import { describe, expect, it } from "vitest";
import { normalize as normalizeAnew } from "./normalize";
import { normalize } from "./normalize-once";

describe("normalize-once", () => {
  const article = "„Zitat“ –\u00a0Text mit\u00adSilben. ".repeat(100);

  it("gives normalize's result, and the same object again for the same long text", () => {
    const first = normalize(article);
    expect(first).toEqual(normalizeAnew(article));
    expect(normalize(`${article}`)).toBe(first);
  });

  it("remembers only the last long text, and no short ones", () => {
    const first = normalize(article);
    const quote = normalize("„Zitat“");
    expect(quote).toEqual(normalizeAnew("„Zitat“"));
    expect(normalize("„Zitat“")).not.toBe(quote);
    expect(normalize(article)).toBe(first); // a short text in between does not push it out
    const other = normalize(`${article}!`);
    expect(normalize(article)).not.toBe(first);
    expect(normalize(article)).toEqual(first);
    expect(other).toEqual(normalizeAnew(`${article}!`));
  });
});
