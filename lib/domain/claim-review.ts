/**
 * schema.org ClaimReview for published verdicts, as Google's Fact Check Tools read it
 * (https://developers.google.com/search/docs/appearance/structured-data/factcheck).
 *
 * Rating mapping (documented in the README): the scale runs from 1 (false) to 5 (true);
 * "misleading" rates 2, like "mostly false", because the claim leaves a false impression;
 * "unproven" has no place on a true–false scale, so it carries only its text (alternateName),
 * which is what Google requires.
 */
import { VERDICT_SCALE, type Locale, type Verdict } from "./verdicts";

export const BEST_RATING = 5;
export const WORST_RATING = 1;

export const RATING_VALUES: Record<Verdict, number | null> = {
  TRUE: 5,
  MOSTLY_TRUE: 4,
  MIXED: 3,
  MOSTLY_FALSE: 2,
  FALSE: 1,
  MISLEADING: 2,
  UNPROVEN: null,
};

export interface ReviewableClaim {
  id: string;
  claimText: string;
  claimant: string;
  verdict: Verdict;
  rationale: string;
  publishedAt: Date;
  updatedAt: Date;
}

export interface ReviewContext {
  /** The reader page; the claim's permalink is `#claim-<id>` on it. */
  readerUrl: string;
  /** Where the claim appeared: the original article. */
  articleUrl: string;
  articleTitle: string;
  articlePublishedAt: Date | null;
  articlePublisher: string;
  organisation: { name: string; url: string };
  /** The language of the verdict labels (the article's language). */
  locale: Locale;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function toClaimReview(claim: ReviewableClaim, context: ReviewContext) {
  const rating = RATING_VALUES[claim.verdict];
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: `${context.readerUrl}#claim-${claim.id}`,
    claimReviewed: claim.claimText,
    datePublished: isoDate(claim.publishedAt),
    dateModified: claim.updatedAt.toISOString(),
    inLanguage: context.locale,
    author: { "@type": "Organization", name: context.organisation.name, url: context.organisation.url },
    reviewRating: {
      "@type": "Rating",
      alternateName: VERDICT_SCALE[claim.verdict].label[context.locale],
      ...(rating === null ? {} : { ratingValue: rating, bestRating: BEST_RATING, worstRating: WORST_RATING }),
      ratingExplanation: claim.rationale,
    },
    itemReviewed: {
      "@type": "Claim",
      author: { "@type": "Person", name: claim.claimant },
      ...(context.articlePublishedAt ? { datePublished: isoDate(context.articlePublishedAt) } : {}),
      appearance: {
        "@type": "CreativeWork",
        url: context.articleUrl,
        headline: context.articleTitle,
        publisher: { "@type": "Organization", name: context.articlePublisher },
      },
    },
  };
}

export type ClaimReview = ReturnType<typeof toClaimReview>;

/**
 * What Google's Fact Check documentation requires of a ClaimReview: `claimReviewed`,
 * `reviewRating.alternateName`, `url`; and, when numeric, a ratingValue within
 * worstRating..bestRating. Returns the problems found (empty when valid).
 */
export function claimReviewProblems(review: unknown): string[] {
  const problems: string[] = [];
  const r = review as Record<string, unknown> | null;
  if (!r || r["@type"] !== "ClaimReview") return ["@type must be ClaimReview"];
  if (typeof r.claimReviewed !== "string" || r.claimReviewed.trim() === "") problems.push("claimReviewed missing");
  if (typeof r.url !== "string" || !/^https?:\/\//.test(r.url)) problems.push("url missing or not absolute");
  const rating = r.reviewRating as Record<string, unknown> | undefined;
  if (!rating || rating["@type"] !== "Rating") problems.push("reviewRating missing");
  else {
    if (typeof rating.alternateName !== "string" || rating.alternateName === "") problems.push("reviewRating.alternateName missing");
    if ("ratingValue" in rating) {
      const { ratingValue, bestRating, worstRating } = rating as Record<string, number>;
      if (![ratingValue, bestRating, worstRating].every(Number.isFinite)) problems.push("numeric rating incomplete");
      else if (ratingValue < worstRating || ratingValue > bestRating) problems.push("ratingValue out of range");
    }
  }
  const author = r.author as Record<string, unknown> | undefined;
  if (!author || typeof author.name !== "string") problems.push("author missing");
  if (typeof r.datePublished !== "string" || Number.isNaN(Date.parse(r.datePublished))) problems.push("datePublished missing");
  const item = r.itemReviewed as Record<string, unknown> | undefined;
  if (!item || item["@type"] !== "Claim") problems.push("itemReviewed must be a Claim");
  else {
    if (!(item.author as { name?: string } | undefined)?.name) problems.push("itemReviewed.author missing");
    if (!(item.appearance as { url?: string } | undefined)?.url) problems.push("itemReviewed.appearance missing");
  }
  return problems;
}
