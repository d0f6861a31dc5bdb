/**
 * Reading the public API's W3C AnnotationPage (lib/domain/web-annotation.ts) into the claims the
 * overlay shows. The data comes from the network and is treated as untrusted: every field is
 * type-checked, unknown verdicts are dropped, links must be http(s) (no `javascript:`), strings
 * are capped, and nothing here ever throws — a malformed item is skipped, a malformed page
 * gives no claims.
 */
import type { StoredAnchor } from "../lib/anchoring/quote";
import { isVerdict, type Verdict } from "../lib/domain/verdicts";

export interface EmbedSource {
  url: string;
  title: string;
  publisher: string;
  stance: string;
}

export interface EmbedClaim {
  /** The claim's id (from the permalink's `#claim-<id>`), also the highlight id. */
  id: string;
  /** Our reader page, scrolled to the claim. */
  permalink: string | null;
  verdict: Verdict;
  claimText: string;
  claimant: string;
  rationale: string;
  creator: string;
  sources: EmbedSource[];
  /** Quote, context and position hint for the anchoring engine. */
  anchor: StoredAnchor;
}

const MAX_ITEMS = 1000;
const MAX_STRING = 5000;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown, fallback = ""): string => (typeof v === "string" ? v.slice(0, MAX_STRING) : fallback);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? Math.floor(v) : null);

/**
 * Addresses in the plain form our API writes — http(s), a lower-case host, an optional port, a
 * path, query and fragment of unreserved characters — can only be http(s) addresses, so they
 * skip the URL parser (which would at most tidy them: a default port, dot segments). With 1,000
 * claims, 1,000 `new URL` calls were a third of reading the page: 3–5 ms on the main thread in
 * Chromium. Anything else is parsed.
 */
const CANONICAL_HTTP_URL = /^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?\/[\w\-.~%/]*(?:\?[\w\-.~%=&]*)?(?:#[\w\-.~%]*)?$/;

/** An absolute http(s) URL, else null. */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== "string") return null;
  if (CANONICAL_HTTP_URL.test(value)) return value;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

const CLAIM_FRAGMENT = /#claim-([\w-]{1,100})$/;

/** The first selector or body of a kind (a plain loop: a Map per item made reading 1,000 items twice as slow in a cold page). */
function firstOf(list: unknown[], key: "type" | "purpose", kind: string): Json | undefined {
  for (const entry of list) if (isObject(entry) && entry[key] === kind) return entry;
  return undefined;
}

/** The first step's reading of an item: what anchoring needs and what decides whether the item is a claim at all. */
interface Valid {
  item: Json & { body: unknown[] };
  verdict: Verdict;
  permalink: string | null;
  anchor: StoredAnchor;
}

function readAnchor(item: unknown): Valid | null {
  if (!isObject(item) || !isObject(item.target) || !Array.isArray(item.target.selector) || !Array.isArray(item.body)) return null;
  const quote = firstOf(item.target.selector, "type", "TextQuoteSelector");
  const exact = str(quote?.exact);
  if (!exact.trim()) return null;
  const verdict = firstOf(item.body, "purpose", "assessing")?.verdict;
  if (!isVerdict(verdict)) return null;
  const permalink = safeHttpUrl(item.id);
  const id = (permalink && CLAIM_FRAGMENT.exec(permalink)?.[1]) || str(item.id).slice(0, 200);
  if (!id) return null;
  const position = firstOf(item.target.selector, "type", "TextPositionSelector");
  const start = num(position?.start) ?? 0;
  const end = num(position?.end) ?? start + exact.length;
  return { item: item as Valid["item"], verdict, permalink, anchor: { id, exact, prefix: str(quote?.prefix), suffix: str(quote?.suffix), start, end: Math.max(start, end) } };
}

function readClaim({ item, verdict, permalink, anchor }: Valid): EmbedClaim {
  const sources: EmbedSource[] = [];
  for (const b of item.body) {
    if (!isObject(b) || b.purpose !== "linking") continue;
    const url = safeHttpUrl(b.source);
    if (url) sources.push({ url, title: str(b.title) || url, publisher: str(b.publisher), stance: str(b.stance) });
  }
  return {
    id: anchor.id,
    permalink,
    verdict,
    claimText: str(firstOf(item.body, "purpose", "describing")?.value),
    claimant: str(item.claimant),
    rationale: str(firstOf(item.body, "purpose", "commenting")?.value),
    creator: isObject(item.creator) ? str(item.creator.name) : "",
    sources,
    anchor,
  };
}

/**
 * An AnnotationPage read in two steps, so that anchoring (in a worker) can start before the
 * slower rest is read: `anchors` are ready at once — one per claim the page will show (a
 * distinct id, a known verdict, a quote), in page order — and `claims()` reads the cards' text and
 * sources, in the same order (`claims()[i].anchor === anchors[i]`). Reading all of it first cost
 * 9–16 ms of the main thread before anchoring could start (1,000 claims, bench:highlights).
 */
export interface AnnotationPageReading {
  anchors: StoredAnchor[];
  claims(): EmbedClaim[];
}

export function readAnnotationPage(page: unknown): AnnotationPageReading {
  const valid: Valid[] = [];
  if (isObject(page) && Array.isArray(page.items)) {
    const seen = new Set<string>();
    for (let i = 0; i < page.items.length && i < MAX_ITEMS; i++) {
      const read = readAnchor(page.items[i]);
      if (read && !seen.has(read.anchor.id)) {
        seen.add(read.anchor.id);
        valid.push(read);
      }
    }
  }
  return { anchors: valid.map((v) => v.anchor), claims: () => valid.map(readClaim) };
}

/**
 * An item shaped as the API writes one (lib/domain/web-annotation.ts; a test keeps the two
 * alike), for {@link warmUpReader}.
 */
export const WARM_UP_ITEM = {
  id: "https://factcheck.invalid/articles/warm-up#claim-w",
  type: "Annotation",
  motivation: "assessing",
  created: "2026-01-01T00:00:00.000Z",
  modified: "2026-01-01T00:00:00.000Z",
  creator: { type: "Organization", name: "w" },
  body: [
    { type: "TextualBody", purpose: "assessing", value: "True", verdict: "TRUE", format: "text/plain" },
    { type: "TextualBody", purpose: "describing", value: "w", format: "text/plain" },
    { type: "TextualBody", purpose: "commenting", value: "w", format: "text/plain" },
    { type: "SpecificResource", purpose: "linking", source: "https://factcheck.invalid/source", title: "w", publisher: "w", published: "2026-01-01T00:00:00.000Z", excerpt: "w", stance: "supports" },
  ],
  claimant: "w",
  target: {
    source: "https://factcheck.invalid/",
    selector: [
      { type: "TextQuoteSelector", exact: "w", prefix: "", suffix: "" },
      { type: "TextPositionSelector", start: 0, end: 1 },
    ],
  },
};
const WARM_UP_ITEMS = 200;

/**
 * Reads a made-up page of WARM_UP_ITEMS items while the real one is on its way, so that the
 * browser has compiled this reader when it arrives: measured in Chromium on 2 cores, reading the
 * anchors of 1,000 items took 18–20 ms cold and about 10 ms after this (which itself takes ~4 ms,
 * in a task of its own while the request is out). Parsed from JSON, as the real page is, so the
 * objects have the same shapes.
 */
export function warmUpReader(): void {
  const json = JSON.stringify({ items: Array.from({ length: WARM_UP_ITEMS }, (_, i) => ({ ...WARM_UP_ITEM, id: `${WARM_UP_ITEM.id}${i}` })) });
  readAnnotationPage(JSON.parse(json)).claims();
}

/** The claims of an AnnotationPage; [] for anything that is not one. */
export function parseAnnotationPage(page: unknown): EmbedClaim[] {
  return readAnnotationPage(page).claims();
}

/**
 * GET `url` as JSON from any origin, without cookies, giving up after `timeoutMs`. Resolves to
 * null on any failure (network, timeout, non-2xx, bad JSON): callers show fewer highlights,
 * never an error.
 */
export async function fetchJson(url: string, timeoutMs: number, fetchImpl: typeof fetch = fetch): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(url, { mode: "cors", credentials: "omit", signal: controller.signal, headers: { Accept: "application/ld+json, application/json" } });
    if (!response.ok) return null;
    return await response.json();
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
