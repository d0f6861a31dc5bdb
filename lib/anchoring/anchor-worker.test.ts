/**
 * The worker side of anchoring off the main thread, over a real MessageChannel (the transport a
 * Worker uses; structured clone included): answers equal anchorAll's, warm-ups are silent and
 * give way to real requests, failures are answered, warm-up quotes are found where taken.
 */
import { afterEach, describe, expect, it } from "vitest";
import { anchorAll, NEAR_RADIUS, type AnchorResult, type StoredAnchor } from "./anchor";
import { answerAnchorRequest, normalizedOnce, packResults, serveAnchorRequests, unpackResults, warmUpClaims, type AnchorWorkerResponse, type MessageEndpoint } from "./anchor-worker";
import { normalize } from "./normalize";
import { generateCorpus } from "../../bench/lib/generate";

const corpus = generateCorpus(11, 20_000, 60);
const edited = `Ein neuer Vorspann.\n\n${corpus.text.replace(/ und /g, "  und ")}`;

let channel: MessageChannel | null = null;
afterEach(() => {
  channel?.port1.close();
  channel?.port2.close();
  channel = null;
});

/** A page's end of the channel: send requests, collect answers. */
function connect(pause?: () => Promise<void>) {
  channel = new MessageChannel();
  serveAnchorRequests(channel.port2 as unknown as MessageEndpoint, pause);
  const answers: AnchorWorkerResponse[] = [];
  const waiting: ((a: AnchorWorkerResponse) => void)[] = [];
  channel.port1.onmessage = (event: MessageEvent) => {
    answers.push(event.data);
    waiting.shift()?.(event.data);
  };
  return {
    send: (request: unknown) => channel!.port1.postMessage(request),
    next: () => new Promise<AnchorWorkerResponse>((resolve) => waiting.push(resolve)),
    answers,
  };
}

describe("serveAnchorRequests", () => {
  it("answers an anchor request with anchorAll's results", async () => {
    const page = connect();
    page.send({ type: "anchor", id: 7, text: edited, claims: corpus.claims });
    const answer = await page.next();
    expect(answer).toMatchObject({ type: "anchored", id: 7 });
    if (answer.type !== "anchored") return;
    expect(unpackResults(answer.results, corpus.claims)).toEqual(anchorAll(edited, corpus.claims));
    // When it was received and anchored, on the wall clock (the page converts it to its own clock).
    const { received, anchored } = answer.timing!;
    expect(received).toBeGreaterThan(Date.now() - 60_000);
    expect(anchored).toBeGreaterThanOrEqual(received);
    expect(anchored).toBeLessThanOrEqual(performance.timeOrigin + performance.now());
  });

  it("does not answer a warm-up, and a request arriving during one stops it at its next pause", async () => {
    const pauses: (() => void)[] = [];
    const page = connect(() => new Promise((resolve) => pauses.push(resolve)));
    page.send({ type: "warm-up", text: edited });
    page.send({ type: "anchor", id: 1, text: edited, claims: corpus.claims.slice(0, 5) });
    const answer = await page.next();
    expect(answer).toEqual({ type: "anchored", id: 1, results: packResults(anchorAll(edited, corpus.claims.slice(0, 5))), timing: expect.any(Object) });
    // The warm-up normalised the text and waits at its first pause; let it go on: it stops.
    expect(pauses).toHaveLength(1);
    pauses[0]();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pauses).toHaveLength(1);
    expect(page.answers).toHaveLength(1);
  });

  it("warms up batch by batch to the end when nothing else comes, without answering", async () => {
    const batches = 1 + 2 * Math.ceil(warmUpClaims(corpus.text).length / 40); // the normalisation, then the batches
    let pauses = 0;
    let lastReached: () => void = () => undefined;
    const allPaused = new Promise<void>((resolve) => (lastReached = resolve));
    const page = connect(() => {
      if (++pauses === batches) lastReached();
      return Promise.resolve();
    });
    page.send({ type: "warm-up", text: corpus.text });
    page.send({ type: "ping" }); // not a request: ignored, the warm-up goes on
    await allPaused;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pauses).toBe(batches);
    expect(page.answers).toEqual([]);
  });
});

describe("normalizedOnce", () => {
  it("normalises a text once and remembers only the last one", () => {
    const first = normalizedOnce(edited);
    expect(first).toEqual(normalize(edited));
    expect(normalizedOnce(`${edited}`)).toBe(first); // an equal string (a page sends a copy with every request)
    const other = normalizedOnce(corpus.text);
    expect(other).toEqual(normalize(corpus.text));
    expect(normalizedOnce(edited)).not.toBe(first);
  });

  it("gives anchorAll the same results as normalising afresh", () => {
    expect(anchorAll(edited, corpus.claims, { normalized: normalizedOnce(edited) })).toEqual(anchorAll(edited, corpus.claims));
    expect(() => anchorAll(edited, corpus.claims, { normalized: normalizedOnce(corpus.text) })).toThrow(/normalize\(text\)/);
  });
});

describe("packResults / unpackResults", () => {
  it("give back every kind of result as it was, ids from the claims", () => {
    const claims = ["a", "b", "c", "d"].map((id) => ({ id, exact: "x", prefix: "", suffix: "", start: 0, end: 1 }));
    const results: AnchorResult[] = [
      { id: "a", status: "anchored", start: 3, end: 9, score: 0.987654, method: "position" },
      { id: "b", status: "changed", start: 12, end: 30, score: 0.8125, method: "fuzzy-window" },
      { id: "c", status: "orphaned", score: 0.5, method: "fuzzy-global" },
      { id: "d", status: "orphaned", score: 0 },
    ];
    expect(unpackResults(packResults(results), claims)).toEqual(results);
    expect(unpackResults(packResults(anchorAll(edited, corpus.claims)), corpus.claims)).toEqual(anchorAll(edited, corpus.claims));
  });
});

describe("answerAnchorRequest", () => {
  it("reports a failure instead of throwing", () => {
    const answer = answerAnchorRequest({ type: "anchor", id: 3, text: "Text", claims: null as unknown as StoredAnchor[] });
    expect(answer).toMatchObject({ type: "failed", id: 3 });
    expect((answer as { message: string }).message).not.toBe("");
  });
});

describe("warmUpClaims", () => {
  it("takes quotes from the text that anchor right where they were taken", () => {
    const claims = warmUpClaims(corpus.text);
    expect(claims.length).toBeGreaterThan(100);
    const results = anchorAll(corpus.text, claims);
    results.forEach((r, i) => {
      expect(r.status, claims[i].id).not.toBe("orphaned");
      if (r.status !== "orphaned") expect(Math.abs(r.start - claims[i].start)).toBeLessThanOrEqual(NEAR_RADIUS);
    });
    // Some hints are off and some quotes edited, so that the search near the hint runs too.
    expect(results.some((r) => r.status === "changed")).toBe(true);
    expect(results.some((r) => r.status !== "orphaned" && r.method !== "position")).toBe(true);
  });

  it("gives nothing for a text too short to take quotes from", () => {
    expect(warmUpClaims("kurz")).toEqual([]);
    expect(warmUpClaims("")).toEqual([]);
  });
});
