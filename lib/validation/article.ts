/**
 * Input schemas for adding an article (pasted text, or the edited preview of an HTML or URL
 * import), for storing a new revision of one, and for changing an article's text.
 */
import { z } from "zod";
import { BLOCK_KINDS, looksLikeCapture } from "../domain/article-text";
import { LIMITS, httpUrl, optionalDate, optionalText, positiveCount, requiredText } from "./fields";

/** "other": imported and checkable by hand, but the claim-suggestion detector knows only de and en. */
export const ARTICLE_LANGUAGES = ["de", "en", "other"] as const;
export type ArticleLanguage = (typeof ARTICLE_LANGUAGES)[number];

/** Blocks are bounded by the text limit; a newsroom article has a few hundred at most. */
const MAX_BLOCKS = 5_000;

/** The blocks an import extracted, sent back with the edited text so headings and captions keep their kind. */
export const ZDetectedBlocks = z
  .array(z.object({ kind: z.enum(BLOCK_KINDS), text: z.string().max(LIMITS.articleText) }).strict())
  .max(MAX_BLOCKS)
  .refine((blocks) => blocks.reduce((n, b) => n + b.text.length, 0) <= LIMITS.articleText, { error: `too_long:${LIMITS.articleText}` });

const articleFields = {
  // Optional here: a pasted page capture brings its own title (checked below).
  title: optionalText(LIMITS.title),
  sourceUrl: httpUrl,
  publisher: requiredText(LIMITS.name),
  publishedAt: optionalDate,
  language: z.enum(ARTICLE_LANGUAGES, { error: "invalid_choice" }),
  text: requiredText(LIMITS.articleText),
  byline: optionalText(LIMITS.name),
  /** Present when the text comes from an import preview; absent for text pasted into the text tab. */
  detectedBlocks: ZDetectedBlocks.optional(),
};

type ArticleFields = { title: string; text: string; detectedBlocks?: unknown };

/** A title is needed unless pasted text is a page capture whose first line is the title. */
function requireTitle(data: ArticleFields, ctx: z.RefinementCtx) {
  if (!data.title && (data.detectedBlocks !== undefined || !looksLikeCapture(data.text))) {
    ctx.addIssue({ code: "custom", message: "required", path: ["title"] });
  }
}

export const ZCreateArticle = z.object(articleFields).strict().superRefine(requireTitle);
export type TCreateArticle = z.infer<typeof ZCreateArticle>;

/** Replaces an existing article's text with a newly imported one (a new revision). */
export const ZReviseArticle = z
  .object({
    ...articleFields,
    slug: requiredText(LIMITS.title),
    expectedVersion: positiveCount(),
    note: optionalText(LIMITS.note),
  })
  .strict()
  .superRefine(requireTitle);
export type TReviseArticle = z.infer<typeof ZReviseArticle>;

/** A new version of an article's canonical text (blocks joined by a blank line) and block kinds. */
export const ZUpdateArticleText = z
  .object({
    slug: requiredText(LIMITS.title),
    title: requiredText(LIMITS.title),
    text: requiredText(LIMITS.articleText),
    blockKinds: z.array(z.enum(BLOCK_KINDS)).min(1).max(MAX_BLOCKS),
    note: optionalText(LIMITS.note),
    expectedVersion: positiveCount(),
  })
  .strict()
  .superRefine((data, ctx) => {
    // The canonical text must split back into exactly these blocks, none empty or padded.
    const parts = data.text.split("\n\n");
    if (parts.length !== data.blockKinds.length) ctx.addIssue({ code: "custom", message: "block_mismatch", path: ["blockKinds"] });
    if (parts.some((p) => p.length === 0 || p.trim() !== p)) ctx.addIssue({ code: "custom", message: "invalid_text", path: ["text"] });
  });
export type TUpdateArticleText = z.infer<typeof ZUpdateArticleText>;
