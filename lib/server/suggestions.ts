/**
 * Claim suggestions for an article (staff only): check-worthy statements found by
 * lib/claim-detection in the article's language, minus the ones a reviewer dismissed and the
 * ones already covered by a claim. Dismissals are remembered per article.
 */
import "server-only";
import { z } from "zod";
import type { Actor } from "./actor";
import { requireStaff } from "./authz";
import { db } from "./db";
import { AppError } from "./errors";
import { parseInput } from "./validate";
import { suggestClaims, type Suggestion } from "../claim-detection";
import { LIMITS, requiredText, storable } from "../validation/fields";

export interface SuggestionView extends Suggestion {
  id: string;
}

export interface ArticleSuggestions {
  /** False for articles in a language the detector does not know (imported, but no suggestions). */
  supported: boolean;
  suggestions: SuggestionView[];
}

function suggestionId(s: { start: number; end: number }): string {
  return `${s.start}-${s.end}`;
}

export async function getSuggestions(actor: Actor | null, slug: string): Promise<ArticleSuggestions> {
  requireStaff(actor);
  const article = await db.article.findUnique({
    where: { slug },
    select: { text: true, language: true, dismissals: { select: { start: true, end: true, text: true } }, claims: { where: { deletedAt: null }, select: { start: true, end: true } } },
  });
  if (!article) throw new AppError("NOT_FOUND", "There is no article at this address.");
  if (article.language !== "de" && article.language !== "en") return { supported: false, suggestions: [] };
  const dismissed = new Set(article.dismissals.map((d) => `${d.start}-${d.end}:${d.text}`));
  const covered = (s: Suggestion) => article.claims.some((c) => c.start < s.end && c.end > s.start);
  const suggestions = suggestClaims(article.text, article.language)
    .filter((s) => !dismissed.has(`${s.start}-${s.end}:${s.text}`) && !covered(s))
    .map((s) => ({ ...s, id: suggestionId(s) }));
  return { supported: true, suggestions };
}

const ZDismiss = z
  .object({
    slug: requiredText(LIMITS.title),
    start: z.number().int().min(0).max(LIMITS.articleText),
    end: z.number().int().min(1).max(LIMITS.articleText),
    // Compared with the article text as it is, so not trimmed.
    text: storable(z.string().min(1).max(LIMITS.quote)),
  })
  .strict();

/** Remembers that a suggestion is not worth checking, for everyone working on the article. */
export async function dismissSuggestion(actor: Actor | null, input: unknown): Promise<void> {
  const staff = requireStaff(actor);
  const data = parseInput(ZDismiss, input);
  const article = await db.article.findUnique({ where: { slug: data.slug }, select: { id: true, text: true } });
  if (!article) throw new AppError("NOT_FOUND", "There is no article at this address.");
  if (article.text.slice(data.start, data.end) !== data.text) throw new AppError("CONFLICT", "The article text changed; reload to see the current suggestions.");
  await db.suggestionDismissal.upsert({
    where: { articleId_start_end: { articleId: article.id, start: data.start, end: data.end } },
    create: { articleId: article.id, start: data.start, end: data.end, text: data.text, actorId: staff.id },
    update: { text: data.text, actorId: staff.id },
  });
}
