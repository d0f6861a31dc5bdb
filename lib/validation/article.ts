/** Input schema for adding an article by pasting its text. */
import { z } from "zod";
import { LIMITS, httpUrl, optionalDate, requiredText } from "./fields";

export const ARTICLE_LANGUAGES = ["de", "en"] as const;

export const ZCreateArticle = z
  .object({
    title: requiredText(LIMITS.title),
    sourceUrl: httpUrl,
    publisher: requiredText(LIMITS.name),
    publishedAt: optionalDate,
    language: z.enum(ARTICLE_LANGUAGES, { error: "invalid_choice" }),
    text: requiredText(LIMITS.articleText),
  })
  .strict();
export type TCreateArticle = z.infer<typeof ZCreateArticle>;
