/**
 * Fetches a web page on a user's behalf without letting the user reach the server's own network.
 *
 * - http and https only, no credentials in the URL.
 * - The host name is resolved here and every address checked (lib/domain/ip-address.ts): one
 *   private, loopback, link-local, … address refuses the host. The connection then goes to the
 *   checked addresses only — they are handed to the socket through the `lookup` option — so a
 *   DNS server that answers differently the second time (DNS rebinding) gains nothing.
 * - `IMPORT_ALLOWED_HOSTS` (comma-separated `host` or `host:port`) exempts hosts from the address
 *   check: for tests against a local server and for intranet sites a newsroom wants to import.
 * - Redirects are followed by hand (at most 5), each hop checked like the first.
 * - One deadline for everything (10 s) and a size limit counted while the body streams in (5 MB,
 *   after decompression), so a slow or huge page cannot tie up the server.
 * - Only HTML is accepted; the bytes are decoded by the page's charset (lib/import/charset.ts).
 */
import "server-only";
import http from "node:http";
import https from "node:https";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import zlib from "node:zlib";
import type { Readable } from "node:stream";
import { isPublicAddress } from "../domain/ip-address";
import { decodeHtml } from "../import/charset";

export const FETCH_LIMITS = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 } as const;

export type FetchRefusal = "invalid_url" | "blocked_address" | "unresolvable" | "too_many_redirects" | "timeout" | "too_large" | "not_html" | "http_error" | "network";

/** Why a page could not be fetched; `reason` is stable (the UI words it), `message` is for logs. */
export class FetchRefused extends Error {
  constructor(
    readonly reason: FetchRefusal,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "FetchRefused";
  }
}

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export interface SafeFetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Hosts exempt from the address check; defaults to IMPORT_ALLOWED_HOSTS. */
  allowedHosts?: readonly string[];
  /** Name resolution (tests replace it); defaults to the system resolver, all addresses. */
  resolve?: Resolver;
}

export interface FetchedPage {
  /** The address the page was finally served from, after redirects. */
  url: string;
  contentType: string;
  charset: string;
  html: string;
}

const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

export function allowedHostsFromEnv(): string[] {
  return (process.env.IMPORT_ALLOWED_HOSTS ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

function defaultPort(url: URL): string {
  return url.port || (url.protocol === "https:" ? "443" : "80");
}

function isAllowListed(url: URL, allowed: readonly string[]): boolean {
  const host = url.hostname.toLowerCase();
  return allowed.includes(host) || allowed.includes(`${host}:${defaultPort(url)}`);
}

function parseTarget(raw: string | URL): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchRefused("invalid_url", "Not a URL.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchRefused("invalid_url", `Only http and https URLs can be fetched, not ${url.protocol}`);
  if (url.username || url.password) throw new FetchRefused("invalid_url", "URLs with a user name or password are not fetched.");
  url.hash = "";
  return url;
}

/** The addresses to connect to: all of them checked, unless the host is allow-listed. */
async function checkedAddresses(url: URL, allowed: readonly string[], resolve: Resolver): Promise<LookupAddress[]> {
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: LookupAddress[];
  try {
    addresses = await resolve(hostname);
  } catch {
    throw new FetchRefused("unresolvable", `The host ${hostname} could not be found.`);
  }
  if (addresses.length === 0) throw new FetchRefused("unresolvable", `The host ${hostname} has no address.`);
  if (isAllowListed(url, allowed)) return addresses;
  const blocked = addresses.find((a) => !isPublicAddress(a.address));
  if (blocked) throw new FetchRefused("blocked_address", `${hostname} points to a non-public address (${blocked.address}); it is not fetched.`);
  return addresses;
}

/** A `lookup` for the socket that answers with the checked addresses and never asks DNS again. */
function pinnedLookup(addresses: LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = typeof options === "object" && options ? options.family : undefined;
    const usable = addresses.filter((a) => !family || family === a.family || (family as unknown) === `IPv${a.family}`);
    if (usable.length === 0) return callback(Object.assign(new Error("no checked address of that family"), { code: "ENOTFOUND" }), "", 4);
    if (typeof options === "object" && options?.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
    callback(null, usable[0].address, usable[0].family);
  };
}

function send(url: URL, addresses: LookupAddress[], signal: AbortSignal): Promise<http.IncomingMessage> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(url, {
      method: "GET",
      headers: {
        "user-agent": "Faktenpruefer-Import/1.0",
        accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
        "accept-encoding": "gzip, deflate, br",
      },
      lookup: pinnedLookup(addresses),
      // A fresh connection per hop: a pooled socket could lead to an address checked for another host.
      agent: false,
      signal,
    });
    request.on("response", resolve);
    request.on("error", reject);
    request.end();
  });
}

/** The body, decompressed and counted as it arrives; refused as soon as it passes `maxBytes`. */
async function readBody(response: http.IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const encoding = (response.headers["content-encoding"] ?? "identity").toLowerCase();
  let stream: Readable = response;
  if (encoding === "gzip" || encoding === "x-gzip") stream = response.pipe(zlib.createGunzip());
  else if (encoding === "deflate") stream = response.pipe(zlib.createInflate());
  else if (encoding === "br") stream = response.pipe(zlib.createBrotliDecompress());
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw new FetchRefused("too_large", `The page is larger than ${maxBytes} bytes.`);
      chunks.push(chunk as Buffer);
    }
  } finally {
    response.destroy();
    if (stream !== response) stream.destroy();
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function mediaType(contentType: string): string {
  return contentType.split(";")[0].trim().toLowerCase();
}

/**
 * Fetches an HTML page under the rules in the module comment.
 * @throws FetchRefused with the reason the page was not fetched
 */
export async function safeFetchHtml(rawUrl: string, options: SafeFetchOptions = {}): Promise<FetchedPage> {
  const { timeoutMs, maxBytes, maxRedirects } = { ...FETCH_LIMITS, ...options };
  const allowed = options.allowedHosts ?? allowedHostsFromEnv();
  const resolve = options.resolve ?? systemResolver;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  // DNS cannot be cancelled; racing it against the deadline still ends the wait.
  const deadline = new Promise<never>((_, reject) => controller.signal.addEventListener("abort", () => reject(new FetchRefused("timeout", `No complete answer within ${timeoutMs / 1000} s.`))));
  deadline.catch(() => undefined);
  const work = async (): Promise<FetchedPage> => {
    let url = parseTarget(rawUrl);
    for (let hop = 0; ; hop++) {
      const addresses = await Promise.race([checkedAddresses(url, allowed, resolve), deadline]);
      const response = await send(url, addresses, controller.signal);
      const location = response.headers.location;
      if (REDIRECTS.has(response.statusCode ?? 0) && location) {
        response.destroy();
        if (hop >= maxRedirects) throw new FetchRefused("too_many_redirects", `More than ${maxRedirects} redirects.`);
        url = parseTarget(new URL(location, url));
        continue;
      }
      const status = response.statusCode ?? 0;
      if (status < 200 || status > 299) {
        response.destroy();
        throw new FetchRefused("http_error", `The server answered ${status}.`, status);
      }
      const contentType = response.headers["content-type"] ?? "";
      if (contentType && !HTML_TYPES.has(mediaType(contentType))) {
        response.destroy();
        throw new FetchRefused("not_html", `The address serves ${mediaType(contentType)}, not an HTML page.`);
      }
      if (Number(response.headers["content-length"] ?? 0) > maxBytes) {
        response.destroy();
        throw new FetchRefused("too_large", `The page is larger than ${maxBytes} bytes.`);
      }
      const bytes = await readBody(response, maxBytes);
      // Without a Content-Type, binary data (NUL bytes) is not taken for a page.
      if (!contentType && bytes.subarray(0, 1024).includes(0)) throw new FetchRefused("not_html", "The address does not serve an HTML page.");
      const { text, charset } = decodeHtml(bytes, contentType);
      return { url: url.href, contentType: mediaType(contentType) || "text/html", charset, html: text };
    }
  };
  const job = work();
  // When the deadline wins the race, the aborted job still settles; that rejection is expected.
  job.catch(() => undefined);
  try {
    return await Promise.race([job, deadline]);
  } catch (error) {
    if (error instanceof FetchRefused) throw error;
    if (controller.signal.aborted) throw new FetchRefused("timeout", `No complete answer within ${timeoutMs / 1000} s.`);
    throw new FetchRefused("network", `The page could not be fetched: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
