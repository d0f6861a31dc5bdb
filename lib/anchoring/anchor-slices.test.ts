/** anchorAllInSlices: the same results as anchorAll, with pauses between slices. */
import { describe, expect, it, vi } from "vitest";
import { anchorAll, anchorAllInSlices } from "./anchor";
import { generateCorpus } from "../../bench/lib/generate";

describe("anchorAllInSlices", () => {
  it("gives anchorAll's results and pauses when a slice runs out", async () => {
    const corpus = generateCorpus(7, 20_000, 150);
    const text = `Ein neuer Vorspann.\n\n${corpus.text.replace(/ und /g, "  und ")}`;
    const pause = vi.fn(() => Promise.resolve());
    const sliced = await anchorAllInSlices(text, corpus.claims, 0, pause);
    expect(sliced).toEqual(anchorAll(text, corpus.claims));
    expect(pause.mock.calls.length).toBeGreaterThanOrEqual(corpus.claims.length);
  });

  it("does not pause within a generous slice", async () => {
    const corpus = generateCorpus(8, 20_000, 60); // (the generator needs ~20,000 characters for its repeated sentences)
    const pause = vi.fn(() => Promise.resolve());
    expect(await anchorAllInSlices(corpus.text, corpus.claims, 60_000, pause)).toEqual(anchorAll(corpus.text, corpus.claims));
    expect(pause).not.toHaveBeenCalled();
  });
});
