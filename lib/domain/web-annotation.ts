/**
 * Maps published claims to W3C Web Annotations (https://www.w3.org/TR/annotation-model/):
 * an AnnotationPage of annotations with motivation "assessing", whose target is the article
 * with a TextQuoteSelector and a TextPositionSelector, and whose body carries the verdict.
 */
import type { Verdict } from "./verdicts";
import { VERDICT_SCALE } from "./verdicts";

export interface AnnotatableClaim {
  id: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  claimText: string;
  claimant: string;
  verdict: Verdict;
  rationale: string;
  publishedAt: Date | null;
  updatedAt: Date;
  sources: { url: string; title: string; publisher: string; publishedAt: Date | null; excerpt: string; stance: string }[];
}

export interface AnnotationContext {
  /** Absolute URL of this API resource. */
  pageUrl: string;
  /** Absolute URL of the reader page; claim permalinks are `#claim-<id>` on it. */
  readerUrl: string;
  /** The original article's URL, the annotation target's source. */
  sourceUrl: string;
  creatorName: string;
}

export function toAnnotationPage(claims: readonly AnnotatableClaim[], context: AnnotationContext) {
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: context.pageUrl,
    type: "AnnotationPage",
    startIndex: 0,
    items: claims.map((claim) => toAnnotation(claim, context)),
  };
}

function toAnnotation(claim: AnnotatableClaim, context: AnnotationContext) {
  const verdict = VERDICT_SCALE[claim.verdict];
  return {
    id: `${context.readerUrl}#claim-${claim.id}`,
    type: "Annotation",
    motivation: "assessing",
    created: (claim.publishedAt ?? claim.updatedAt).toISOString(),
    modified: claim.updatedAt.toISOString(),
    creator: { type: "Organization", name: context.creatorName },
    body: [
      {
        type: "TextualBody",
        purpose: "assessing",
        value: verdict.label.en,
        verdict: claim.verdict,
        format: "text/plain",
      },
      { type: "TextualBody", purpose: "describing", value: claim.claimText, format: "text/plain" },
      { type: "TextualBody", purpose: "commenting", value: claim.rationale, format: "text/plain" },
      ...claim.sources.map((s) => ({
        type: "SpecificResource",
        purpose: "linking",
        source: s.url,
        title: s.title,
        publisher: s.publisher,
        published: s.publishedAt?.toISOString(),
        excerpt: s.excerpt,
        stance: s.stance.toLowerCase(),
      })),
    ],
    claimant: claim.claimant,
    target: {
      source: context.sourceUrl,
      selector: [
        { type: "TextQuoteSelector", exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
        { type: "TextPositionSelector", start: claim.start, end: claim.end },
      ],
    },
  };
}
