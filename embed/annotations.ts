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

/** The first selector or body of each kind: one pass over the list instead of a filter and a find per kind. */
function byKind(list: unknown[], key: "type" | "purpose"): Map<unknown, Json> {
  const found = new Map<unknown, Json>();
  for (const entry of list) if (isObject(entry) && !found.has(entry[key])) found.set(entry[key], entry);
  return found;
}

function parseItem(item: unknown): EmbedClaim | null {
  if (!isObject(item) || !isObject(item.target) || !Array.isArray(item.target.selector) || !Array.isArray(item.body)) return null;
  const selectors = byKind(item.target.selector, "type");
  const quote = selectors.get("TextQuoteSelector");
  const position = selectors.get("TextPositionSelector");
  const exact = str(quote?.exact);
  if (!exact.trim()) return null;
  const bodies = byKind(item.body, "purpose");
  const verdict = bodies.get("assessing")?.verdict;
  if (!isVerdict(verdict)) return null;
  const permalink = safeHttpUrl(item.id);
  const id = (permalink && CLAIM_FRAGMENT.exec(permalink)?.[1]) || str(item.id).slice(0, 200);
  if (!id) return null;
  const start = num(position?.start) ?? 0;
  const end = num(position?.end) ?? start + exact.length;
  const sources: EmbedSource[] = [];
  for (const b of item.body) {
    const url = isObject(b) && b.purpose === "linking" ? safeHttpUrl(b.source) : null;
    if (url) sources.push({ url, title: str(b.title) || url, publisher: str(b.publisher), stance: str(b.stance) });
  }
  return {
    id,
    permalink,
    verdict,
    claimText: str(bodies.get("describing")?.value),
    claimant: str(item.claimant),
    rationale: str(bodies.get("commenting")?.value),
    creator: isObject(item.creator) ? str(item.creator.name) : "",
    sources,
    anchor: { id, exact, prefix: str(quote?.prefix), suffix: str(quote?.suffix), start, end: Math.max(start, end) },
  };
}

/** The claims of an AnnotationPage; [] for anything that is not one. */
export function parseAnnotationPage(page: unknown): EmbedClaim[] {
  if (!isObject(page) || !Array.isArray(page.items)) return [];
  const seen = new Set<string>();
  const claims: EmbedClaim[] = [];
  for (let i = 0; i < page.items.length && i < MAX_ITEMS; i++) {
    const claim = parseItem(page.items[i]);
    if (claim && !seen.has(claim.id)) {
      seen.add(claim.id);
      claims.push(claim);
    }
  }
  return claims;
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
