/**
 * Property-based tests of the link validator every URL field uses (`isHttpUrl` / `httpUrl` in
 * lib/validation/fields.ts) and of the address normalisation (`normalizeSourceUrl`): generated
 * http(s) addresses are accepted and survive normalisation; every other scheme — generated,
 * mixed case, behind whitespace or control characters, entity- or percent-encoded — is refused;
 * and nothing accepted ever parses, by the WHATWG URL parser browsers use, to anything but http(s).
 * The import fetcher's own address checks have their properties in lib/domain/ip-address.test.ts.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { httpUrl, isHttpUrl } from "../validation/fields";
import { normalizeSourceUrl } from "./source-url";

const RUNS = { numRuns: 10_000 };

/** What a browser makes of an href: the protocol WHATWG URL parsing gives, or null when it does not parse. */
function protocolOf(value: string): string | null {
  try {
    return new URL(value).protocol;
  } catch {
    return null;
  }
}

const isWebProtocol = (protocol: string | null) => protocol === "http:" || protocol === "https:";

/** Schemes a browser runs or opens, the ones a link must never carry. */
const DANGEROUS = ["javascript", "vbscript", "data", "file", "blob", "livescript", "about", "filesystem", "jar", "view-source"];

/** Whitespace and control characters a parser might skip before a scheme or inside it. */
const invisible = fc.constantFrom(...[..."\u0000\u0001\u0008\t\n\u000b\u000c\r\u001b\u001f \u007f\u0085\u00a0\u1680\u2000\u200b\u2028\u2029\u202e\u3000\ufeff"]);

/** One character of a scheme, written plainly, in the other case, or encoded as an HTML entity or percent escape. */
function encodedChar(char: string) {
  const code = char.codePointAt(0)!;
  return fc.constantFrom(char, char.toUpperCase(), `&#${code};`, `&#x${code.toString(16)};`, `&#0000${code}`, `%${code.toString(16).padStart(2, "0")}`, `%${code.toString(16).toUpperCase()}`);
}

const encodedScheme = fc.constantFrom(...DANGEROUS).chain((scheme) => fc.tuple(...[...scheme].map(encodedChar)).map((chars) => chars.join("")));
const colon = fc.constantFrom(":", "&colon;", "&#58;", "&#x3a;", "%3a", "%3A", "\uff1a");
const payloadText = fc.constantFrom("alert(1)", "__pwned('p')", "//example.org/%0aalert(1)", "text/html,<script>alert(1)</script>", "text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "msgbox(1)", "///etc/passwd");

const httpAddress = fc.webUrl({ validSchemes: ["http", "https"], withQueryParameters: true, withFragments: true });

describe("the link validator (isHttpUrl, httpUrl)", () => {
  it("accepts generated http and https addresses as given, and they keep their scheme when parsed", () => {
    fc.assert(
      fc.property(httpAddress, fc.boolean(), (url, upperCaseScheme) => {
        const given = upperCaseScheme ? url.replace(/^https?/, (s) => s.toUpperCase()) : url;
        expect(isHttpUrl(given)).toBe(true);
        // Stored verbatim: the schema trims, nothing else.
        expect(httpUrl.parse(` ${given}\n`)).toBe(given);
        expect(isWebProtocol(protocolOf(given))).toBe(true);
        // A parsed and re-serialised address parses to itself (the form browsers and normalisation use).
        const href = new URL(given).href;
        expect(new URL(href).href).toBe(href);
      }),
      RUNS,
    );
  });

  it("refuses any generated scheme other than http and https", () => {
    const scheme = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9+.-]{0,15}$/).filter((s) => !["http", "https"].includes(s.toLowerCase()));
    fc.assert(
      fc.property(scheme, fc.oneof(fc.webPath(), fc.webAuthority().map((a) => `//${a}/`), payloadText), (s, rest) => {
        expect(isHttpUrl(`${s}:${rest}`)).toBe(false);
        expect(httpUrl.safeParse(`${s}:${rest}`).success).toBe(false);
      }),
      RUNS,
    );
  });

  it("refuses dangerous schemes in any case, behind or inside whitespace and control characters, and entity- or percent-encoded", () => {
    fc.assert(
      fc.property(
        fc.array(invisible, { maxLength: 4 }),
        encodedScheme,
        fc.array(fc.tuple(fc.nat(), invisible), { maxLength: 3 }),
        colon,
        payloadText,
        (leading, scheme, inserts, separator, payload) => {
          let spelled = scheme;
          for (const [at, char] of inserts) spelled = spelled.slice(0, at % (spelled.length + 1)) + char + spelled.slice(at % (spelled.length + 1));
          const value = `${leading.join("")}${spelled}${separator}${payload}`;
          expect(isHttpUrl(value)).toBe(false);
          expect(httpUrl.safeParse(value).success).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it("accepts nothing that a browser would parse to another scheme, whatever the text", () => {
    // Scheme-like starts and pieces that make parsers disagree, shuffled into strings; and arbitrary Unicode text.
    const start = fc.constantFrom("http", "https", "HTTP", "hTtPs", "javascript", "JavaScript", "data", "vbscript", "", " ", "\t", "\u0000");
    const separator = fc.constantFrom(":", "://", ":/", ":\\\\", ":///", "&colon;", "%3a", "");
    const piece = fc.constantFrom("http", "javascript", "data:", ":", "/", "//", "\\", "@", "?", "#", "[", "]", ".", "%", "%0a", "&#", ";", " ", "\t", "\n", "\u0000", "\ufeff", "\u202e", "x", "1", "example.org", "localhost", "[::1]", "\ud800", "alert(1)");
    const structured = fc.tuple(start, separator, fc.array(piece, { maxLength: 8 })).map(([s, sep, rest]) => `${s}${sep}${rest.join("")}`);
    const text = fc.oneof(structured, fc.string({ unit: "grapheme", maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }));
    fc.assert(
      fc.property(text, (value) => {
        const parsed = httpUrl.safeParse(value);
        if (!parsed.success) return;
        expect(isWebProtocol(protocolOf(parsed.data)), JSON.stringify(value)).toBe(true);
        expect(new URL(parsed.data).hostname).not.toBe("");
        expect(isWebProtocol(protocolOf(normalizeSourceUrl(parsed.data)))).toBe(true);
      }),
      RUNS,
    );
  });

  it("refuses text with lone surrogates, which no database can store", () => {
    const lone = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
    fc.assert(
      fc.property(httpAddress, lone, fc.nat(), (url, surrogate, at) => {
        const value = url.slice(0, at % (url.length + 1)) + surrogate + url.slice(at % (url.length + 1));
        expect(httpUrl.safeParse(value).success).toBe(false);
      }),
      RUNS,
    );
  });
});

describe("normalizeSourceUrl", () => {
  it("keeps an accepted address accepted and on its scheme and host, and is idempotent", () => {
    fc.assert(
      fc.property(httpAddress, (url) => {
        const normalized = normalizeSourceUrl(url);
        expect(isHttpUrl(normalized)).toBe(true);
        expect(new URL(normalized).protocol).toBe(new URL(url).protocol);
        expect(new URL(normalized).host).toBe(new URL(url).host);
        expect(normalizeSourceUrl(normalized)).toBe(normalized);
        expect(normalized).not.toContain("#");
      }),
      RUNS,
    );
  });
});
