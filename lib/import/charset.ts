/**
 * Turns the bytes of a fetched HTML page into text, in the order the HTML standard uses to find
 * the encoding: a byte-order mark, then the Content-Type header's charset, then a
 * `<meta charset>` (or `http-equiv="Content-Type"`) near the top of the page. Without any of
 * these the bytes are read as UTF-8 if they are valid UTF-8, else as windows-1252 — older German
 * sites often send Latin-1 without saying so, and "Ã¤" instead of "ä" would end up in the article.
 *
 * Labels are resolved by WHATWG TextDecoder, so "latin1" and "iso-8859-1" mean windows-1252 as
 * they do in browsers. Framework-free.
 */

/** How far into the page a `<meta charset>` is looked for (the standard says 1024 bytes; some pages put it later). */
const META_SCAN_BYTES = 4096;

export interface DecodedHtml {
  text: string;
  /** The encoding used, as TextDecoder names it (e.g. "utf-8", "windows-1252"). */
  charset: string;
}

/** The encoding a label names, or null when TextDecoder does not know it. */
export function resolveCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/** The charset parameter of a Content-Type header value, e.g. `text/html; charset="ISO-8859-1"`. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? "");
  return resolveCharset(match?.[1] ?? match?.[2]);
}

/** The encoding declared by a `<meta>` element in the first few kilobytes, read as ASCII. */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = new TextDecoder("windows-1252").decode(bytes.subarray(0, META_SCAN_BYTES));
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const attributes = new Map<string, string>();
    for (const m of tag.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
      attributes.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4]);
    }
    let label = attributes.get("charset");
    if (label === undefined && attributes.get("http-equiv")?.toLowerCase() === "content-type") {
      label = /charset\s*=\s*["']?([\w.:-]+)/i.exec(attributes.get("content") ?? "")?.[1];
    }
    const charset = resolveCharset(label);
    // A page that says UTF-16 in a meta tag was just read as ASCII to find it, so it is not UTF-16.
    if (charset === "utf-16le" || charset === "utf-16be") return "utf-8";
    if (charset) return charset;
  }
  return null;
}

function charsetFromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return null;
}

// windows-1252's characters at 0x80–0x9F (the rest of the byte range is Latin-1 = Unicode).
// Node 20's TextDecoder reads "windows-1252" as plain Latin-1 and turns „ “ – € into control
// characters, so this one encoding is decoded here.
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b)));
    text += chunk.join("");
  }
  return text;
}

function decodeAs(charset: string, bytes: Uint8Array): string {
  return charset === "windows-1252" ? decodeWindows1252(bytes) : new TextDecoder(charset).decode(bytes);
}

/** Decodes an HTML page's bytes with the encoding its BOM, header or meta tag names (see above). */
export function decodeHtml(bytes: Uint8Array, contentType: string | null | undefined): DecodedHtml {
  const declared = charsetFromBom(bytes) ?? charsetFromContentType(contentType) ?? charsetFromMeta(bytes);
  if (declared) return { text: decodeAs(declared, bytes), charset: declared };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), charset: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), charset: "windows-1252" };
  }
}
