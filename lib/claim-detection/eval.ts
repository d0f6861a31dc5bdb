/**
 * Evaluation of the claim-suggestion detector against the labelled articles in
 * eval-set/: loading and validating the files (zod), rebuilding the article
 * text, mapping suggestions to labelled sentences, and computing the metrics
 * printed by scripts/eval-suggestions.ts.
 *
 * A sentence counts as predicted check-worthy when any suggestion overlaps it.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { suggestClaims } from "./suggest";
import type { Language, SuggestionKind } from "./types";

const KIND = z.enum(["figure", "comparison", "attribution", "quote"]);

export const ArticleSchema = z.object({
  language: z.enum(["de", "en"]),
  title: z.string(),
  source: z.string().optional(),
  /** false, or the hold-out round (1, 2, …) in which the article was written after tuning. */
  holdout: z.union([z.literal(false), z.number().int().positive()]).default(false),
  sentences: z
    .array(
      z.object({
        text: z.string().min(1),
        checkWorthy: z.boolean(),
        kind: KIND.optional(),
        newParagraph: z.boolean().optional(),
      }).refine((s) => s.checkWorthy === (s.kind !== undefined), "kind is required exactly when checkWorthy"),
    )
    .min(1),
});
export type Article = z.infer<typeof ArticleSchema> & { file: string };

export const EVAL_SET_DIR = path.join(import.meta.dirname, "eval-set");

export function loadArticles(dir = EVAL_SET_DIR): Article[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ ...ArticleSchema.parse(JSON.parse(readFileSync(path.join(dir, f), "utf8"))), file: f }));
}

/** The article text and each sentence's offsets in it. */
export function buildText(article: Pick<Article, "sentences">): { text: string; spans: { start: number; end: number }[] } {
  let text = "";
  const spans = article.sentences.map((s, i) => {
    if (i > 0) text += s.newParagraph ? "\n\n" : " ";
    const start = text.length;
    text += s.text;
    return { start, end: text.length };
  });
  return { text, spans };
}

export interface SentenceResult {
  article: string;
  language: Language;
  holdout: false | number;
  text: string;
  gold: boolean;
  goldKind?: SuggestionKind;
  predicted: boolean;
  predictedKind?: SuggestionKind;
}

/** Run the detector on every article and compare sentence by sentence. */
export function evaluate(articles: Article[]): SentenceResult[] {
  const out: SentenceResult[] = [];
  for (const a of articles) {
    const { text, spans } = buildText(a);
    const suggestions = suggestClaims(text, a.language);
    a.sentences.forEach((s, i) => {
      const { start, end } = spans[i];
      const hits = suggestions.filter((g) => g.start < end && start < g.end);
      // The kind of the suggestion overlapping this sentence most.
      const best = hits.sort((x, y) => Math.min(end, y.end) - Math.max(start, y.start) - (Math.min(end, x.end) - Math.max(start, x.start)))[0];
      out.push({
        article: a.file, language: a.language, holdout: a.holdout, text: s.text,
        gold: s.checkWorthy, goldKind: s.kind, predicted: hits.length > 0, predictedKind: best?.kind,
      });
    });
  }
  return out;
}

export interface Scores { tp: number; fp: number; fn: number; tn: number; precision: number; recall: number; f1: number }

export function score(results: SentenceResult[]): Scores {
  const tp = results.filter((r) => r.gold && r.predicted).length;
  const fp = results.filter((r) => !r.gold && r.predicted).length;
  const fn = results.filter((r) => r.gold && !r.predicted).length;
  const tn = results.length - tp - fp - fn;
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, tn, precision, recall, f1 };
}
