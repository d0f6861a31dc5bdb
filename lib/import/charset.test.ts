import { describe, expect, it } from "vitest";
import { charsetFromContentType, charsetFromMeta, decodeHtml } from "./charset";

const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const page = (head: string, body = "Grüße aus Köln – „Zitat“") => `<!doctype html><html><head>${head}</head><body><p>${body}</p></body></html>`;

describe("charset detection", () => {
  it("reads the charset parameter of a Content-Type header", () => {
    expect(charsetFromContentType("text/html; charset=utf-8")).toBe("utf-8");
    expect(charsetFromContentType('text/html;charset="ISO-8859-1"')).toBe("windows-1252");
    expect(charsetFromContentType("text/html; charset=latin1; foo=bar")).toBe("windows-1252");
    expect(charsetFromContentType("text/html")).toBeNull();
    expect(charsetFromContentType("text/html; charset=no-such-thing")).toBeNull();
    expect(charsetFromContentType(null)).toBeNull();
  });

  it("reads <meta charset> and http-equiv Content-Type", () => {
    expect(charsetFromMeta(latin1(page('<meta charset="iso-8859-1">')))).toBe("windows-1252");
    expect(charsetFromMeta(latin1(page("<meta charset=UTF-8>")))).toBe("utf-8");
    expect(charsetFromMeta(latin1(page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')))).toBe("windows-1252");
    expect(charsetFromMeta(latin1(page('<meta content="text/html; charset=iso-8859-15" http-equiv="content-type">')))).toBe("iso-8859-15");
    // A description that happens to mention a charset is not a declaration.
    expect(charsetFromMeta(latin1(page('<meta name="description" content="charset=koi8-r explained">')))).toBeNull();
    expect(charsetFromMeta(latin1(page('<meta charset="utf-16">')))).toBe("utf-8");
  });
});

describe("decodeHtml", () => {
  it("decodes UTF-8 and Latin-1 pages to the same text", () => {
    const text = page("");
    expect(decodeHtml(utf8(text), "text/html; charset=utf-8").text).toBe(text);
    expect(decodeHtml(latin1(page("", "Grüße aus Köln")), "text/html; charset=iso-8859-1").text).toBe(page("", "Grüße aus Köln"));
  });

  it("uses windows-1252 for the typographic quotes Latin-1 pages often contain", () => {
    // 0x84 and 0x93 are „ and “ in windows-1252; browsers read "iso-8859-1" that way too.
    const bytes = Uint8Array.from([0x84, 0x5a, 0x69, 0x74, 0x61, 0x74, 0x93]);
    expect(decodeHtml(bytes, "text/html; charset=ISO-8859-1").text).toBe("„Zitat“");
  });

  it("lets the header win over the meta tag and the BOM win over both", () => {
    const latinWithWrongMeta = latin1(page('<meta charset="utf-8">', "Grüße"));
    expect(decodeHtml(latinWithWrongMeta, "text/html; charset=iso-8859-1").text).toContain("Grüße");
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(page("", "Grüße"))]);
    expect(decodeHtml(bom, "text/html; charset=iso-8859-1")).toMatchObject({ charset: "utf-8" });
    expect(decodeHtml(bom, "text/html; charset=iso-8859-1").text).toContain("Grüße");
  });

  it("falls back to the meta tag, then to UTF-8, then to windows-1252", () => {
    expect(decodeHtml(latin1(page('<meta charset="iso-8859-1">', "Grüße")), "text/html")).toMatchObject({ charset: "windows-1252" });
    expect(decodeHtml(utf8(page("", "Grüße")), null)).toMatchObject({ charset: "utf-8" });
    const undeclaredLatin1 = decodeHtml(latin1(page("", "Grüße")), "text/html");
    expect(undeclaredLatin1.charset).toBe("windows-1252");
    expect(undeclaredLatin1.text).toContain("Grüße");
  });
});
