/**
 * The page's side of anchoring: in a Web Worker where one can be started (anchor-worker.ts has
 * the protocol), else on the main thread in time slices (anchorAllInSlices). Same engine, same
 * results either way; only where the work runs differs.
 *
 * The worker is started from its bundled source through a Blob URL: embed.js runs on other
 * sites' pages, and a worker script must come from the page's own origin, which a blob: URL
 * does. A host page may forbid that (Content-Security-Policy `worker-src` / `script-src`
 * without `blob:`): the browser then either throws at `new Worker` or fires `error` on it — both
 * switch to the main thread, and requests already sent are anchored there. Nothing here throws
 * at the host page.
 */
import { anchorAllInSlices, type AnchorResult, type StoredAnchor } from "../anchor";
import { unpackResults, type AnchorWorkerRequest, type AnchorWorkerResponse, type WorkerTiming } from "../anchor-worker";

export type AnchoringPlace = "worker" | "main-thread";

export interface Anchorer {
  /** Where requests are anchored now; "worker" turns into "main-thread" when the worker fails. */
  readonly place: AnchoringPlace;
  /** When the worker received and finished the last answered request, on this page's performance.now() clock; null on the main thread. */
  readonly lastTiming: WorkerTiming | null;
  /** Lets the worker compile the engine on this text while the claims are still on their way (no-op on the main thread). */
  warmUp(text: string): void;
  /** anchorAll(text, claims), off the main thread where possible. */
  anchor(text: string, claims: readonly StoredAnchor[]): Promise<AnchorResult[]>;
  /** Ends the worker. */
  dispose(): void;
}

/** Main-thread slices: short enough that the page keeps answering input. */
const SLICE_MS = 10;

/** Starts anchoring in a worker made from `workerSource` (the bundled anchor-worker-entry.ts); the main thread without it or when the browser refuses. */
export function createAnchorer(workerSource: string | null, win: Window & typeof globalThis = window): Anchorer {
  const worker = workerSource ? startWorker(workerSource, win) : null;
  return worker ? new WorkerAnchorer(worker) : new MainThreadAnchorer();
}

function startWorker(source: string, win: Window & typeof globalThis): Worker | null {
  if (typeof win.Worker !== "function" || typeof win.Blob !== "function" || typeof win.URL?.createObjectURL !== "function") return null;
  let url: string | null = null;
  try {
    url = win.URL.createObjectURL(new win.Blob([source], { type: "text/javascript" }));
    return new win.Worker(url, { name: "factcheck-anchoring" });
  } catch {
    return null; // refused by the page's Content-Security-Policy (or no blob: URLs)
  } finally {
    // The URL was resolved when the worker was constructed; it is not needed any more.
    if (url) win.URL.revokeObjectURL(url);
  }
}

class MainThreadAnchorer implements Anchorer {
  readonly place: AnchoringPlace = "main-thread";
  readonly lastTiming = null;
  warmUp(): void {}
  anchor(text: string, claims: readonly StoredAnchor[]): Promise<AnchorResult[]> {
    return anchorAllInSlices(text, claims, SLICE_MS);
  }
  dispose(): void {}
}

interface Pending {
  text: string;
  claims: readonly StoredAnchor[];
  resolve: (results: AnchorResult[]) => void;
  reject: (error: Error) => void;
}

class WorkerAnchorer implements Anchorer {
  place: AnchoringPlace = "worker";
  lastTiming: WorkerTiming | null = null;
  private readonly pending = new Map<number, Pending>();
  private lastId = 0;

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event) => this.receive(event.data as AnchorWorkerResponse);
    // The script was refused or failed to load, or the worker broke: the main thread takes over.
    worker.onerror = (event) => {
      event.preventDefault();
      this.fallBack();
    };
    worker.onmessageerror = () => this.fallBack();
  }

  warmUp(text: string): void {
    this.send({ type: "warm-up", text });
  }

  anchor(text: string, claims: readonly StoredAnchor[]): Promise<AnchorResult[]> {
    if (this.place === "main-thread") return anchorAllInSlices(text, claims, SLICE_MS);
    return new Promise((resolve, reject) => {
      const id = ++this.lastId;
      this.pending.set(id, { text, claims, resolve, reject });
      this.send({ type: "anchor", id, text, claims });
    });
  }

  dispose(): void {
    this.worker.terminate();
    this.place = "main-thread";
    for (const p of this.pending.values()) p.reject(new Error("anchoring stopped"));
    this.pending.clear();
  }

  private send(request: AnchorWorkerRequest): void {
    if (this.place !== "worker") return;
    try {
      this.worker.postMessage(request);
    } catch {
      this.fallBack(); // e.g. claims that cannot be cloned
    }
  }

  private receive(response: AnchorWorkerResponse): void {
    const pending = this.pending.get(response?.id);
    if (!pending) return;
    this.pending.delete(response.id);
    const timing = response.type === "anchored" ? response.timing : undefined;
    if (timing) this.lastTiming = { received: timing.received - performance.timeOrigin, anchored: timing.anchored - performance.timeOrigin };
    if (response.type === "anchored") pending.resolve(unpackResults(response.results, pending.claims));
    else pending.reject(new Error(response.message));
  }

  private fallBack(): void {
    if (this.place === "main-thread") return;
    this.place = "main-thread";
    this.worker.terminate();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) anchorAllInSlices(p.text, p.claims, SLICE_MS).then(p.resolve, p.reject);
  }
}
