/**
 * The page's side of anchoring off the main thread: a worker when one can be started, the main
 * thread otherwise — and when the worker is refused or breaks after requests were sent. Node has
 * no browser Worker: the stand-in below runs the real worker side (serveAnchorRequests) behind a
 * real MessageChannel; the refusing and the failing ones behave as a browser does under a
 * Content-Security-Policy without `worker-src blob:` (a throw, or an `error` event).
 */
import { afterEach, describe, expect, it } from "vitest";
import { anchorAll } from "../anchor";
import { serveAnchorRequests, type MessageEndpoint } from "../anchor-worker";
import { createAnchorer } from "./anchor-client";
import { generateCorpus } from "../../../bench/lib/generate";

const corpus = generateCorpus(5, 20_000, 80);
const expected = anchorAll(corpus.text, corpus.claims);
const open: MessageChannel[] = [];

afterEach(() => {
  for (const c of open.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

/** A Worker whose other side is the real worker code, in this process. */
class InProcessWorker {
  static started: string[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  private readonly channel = new MessageChannel();
  constructor(url: string) {
    InProcessWorker.started.push(url);
    open.push(this.channel);
    serveAnchorRequests(this.channel.port2 as unknown as MessageEndpoint);
    this.channel.port1.onmessage = (event) => this.onmessage?.(event);
  }
  postMessage(message: unknown): void {
    this.channel.port1.postMessage(message);
  }
  terminate(): void {
    this.channel.port1.close();
  }
}

/** Refused at construction (as Chromium does for a blocked blob: worker). */
class RefusedWorker {
  constructor() {
    throw new DOMException("Access to the script at 'blob:…' is denied by the document's Content Security Policy.", "SecurityError");
  }
}

/** Starts, then fails to load: an `error` event and never an answer. */
class FailingWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  static last: FailingWorker | null = null;
  constructor() {
    FailingWorker.last = this;
  }
  postMessage(): void {
    setTimeout(() => this.onerror?.(new Event("error", { cancelable: true })), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

function windowWith(Worker: unknown) {
  const revoked: string[] = [];
  const win = {
    Worker,
    Blob,
    URL: { createObjectURL: () => `blob:test/${revoked.length}`, revokeObjectURL: (url: string) => revoked.push(url) },
  } as unknown as Window & typeof globalThis;
  return { win, revoked };
}

describe("createAnchorer", () => {
  it("anchors in the worker when one starts, with anchorAll's results, and lets go of the blob URL", async () => {
    const { win, revoked } = windowWith(InProcessWorker);
    InProcessWorker.started = [];
    const anchorer = createAnchorer("/* worker source */", win);
    expect(anchorer.place).toBe("worker");
    expect(InProcessWorker.started).toEqual(revoked);
    anchorer.warmUp(corpus.text);
    const [first, second] = await Promise.all([anchorer.anchor(corpus.text, corpus.claims), anchorer.anchor(corpus.text, corpus.claims.slice(3, 9))]);
    expect(first).toEqual(expected);
    expect(second).toEqual(anchorAll(corpus.text, corpus.claims.slice(3, 9)));
    expect(anchorer.place).toBe("worker");
    anchorer.dispose();
  });

  it("anchors on the main thread without a worker source or without Worker", async () => {
    for (const anchorer of [createAnchorer(null, windowWith(InProcessWorker).win), createAnchorer("source", windowWith(undefined).win)]) {
      expect(anchorer.place).toBe("main-thread");
      anchorer.warmUp(corpus.text);
      expect(await anchorer.anchor(corpus.text, corpus.claims)).toEqual(expected);
    }
  });

  it("anchors on the main thread when the page refuses the worker", async () => {
    const anchorer = createAnchorer("source", windowWith(RefusedWorker).win);
    expect(anchorer.place).toBe("main-thread");
    expect(await anchorer.anchor(corpus.text, corpus.claims)).toEqual(expected);
  });

  it("takes over on the main thread, requests already sent included, when the worker fails to load", async () => {
    const anchorer = createAnchorer("source", windowWith(FailingWorker).win);
    expect(anchorer.place).toBe("worker");
    const results = await anchorer.anchor(corpus.text, corpus.claims);
    expect(results).toEqual(expected);
    expect(anchorer.place).toBe("main-thread");
    expect(FailingWorker.last!.terminated).toBe(true);
    expect(await anchorer.anchor(corpus.text, corpus.claims.slice(0, 4))).toEqual(anchorAll(corpus.text, corpus.claims.slice(0, 4)));
  });
});
