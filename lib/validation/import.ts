/** Input schemas for importing an article from an HTML page (uploaded or pasted) or from a URL. */
import { z } from "zod";
import { LIMITS, httpUrl, isHttpUrl } from "./fields";

/** The largest HTML page taken, uploaded or fetched (the fetcher's own limit is in bytes). */
export const MAX_HTML_CHARS = 5 * 1024 * 1024;

/**
 * Whether text read from a file is really binary (an image, a PDF, a zip): NUL characters, or
 * more than a few other control characters, which HTML never contains.
 */
export function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  const sample = text.slice(0, 64 * 1024);
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return controls > Math.max(8, sample.length / 200);
}

export const ZExtractFromHtml = z
  .object({
    html: z
      .string({ error: "empty_file" })
      .max(MAX_HTML_CHARS, { error: "file_too_large" })
      .refine((html) => html.trim().length > 0, { error: "empty_file" })
      .refine((html) => !looksBinary(html), { error: "binary_file" }),
    /** Where the page came from, if the reviewer knows; used for relative links and duplicates. */
    sourceUrl: z
      .string()
      .trim()
      .max(LIMITS.url, { error: `too_long:${LIMITS.url}` })
      .refine((v) => v === "" || isHttpUrl(v), { error: "invalid_url" })
      .default(""),
  })
  .strict();
export type TExtractFromHtml = z.infer<typeof ZExtractFromHtml>;

export const ZExtractFromUrl = z.object({ url: httpUrl }).strict();
export type TExtractFromUrl = z.infer<typeof ZExtractFromUrl>;
