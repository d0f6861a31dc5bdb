/**
 * The shapes of a claim handed to pages and APIs: the working copy staff see (ClaimView) and
 * the published version readers see (PublishedClaimView). No internal columns leak.
 */
import "server-only";
import type { Claim, Correction, Prisma, Source } from "../generated/prisma/client";
import type { Verdict } from "../domain/verdicts";
import { pick } from "../pick";
import { parsePublished, type PublishedVersion } from "./claim-snapshot";

export const claimInclude = {
  sources: { orderBy: { position: "asc" as const } },
  author: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
  article: { select: { slug: true } },
  corrections: { orderBy: { createdAt: "asc" as const }, select: { note: true, createdAt: true } },
};

type ClaimRow = Prisma.ClaimGetPayload<{ include: typeof claimInclude }>;

const SOURCE_COLUMNS = ["url", "title", "publisher", "publishedAt", "excerpt", "accessedAt", "stance"] as const;
export type SourceView = Pick<Source, (typeof SOURCE_COLUMNS)[number]>;

/** What readers and the workspace see of a source: all but when it was accessed. */
export const SHOWN_SOURCE_FIELDS = ["url", "title", "publisher", "publishedAt", "excerpt", "stance"] as const;
export type ShownSource = Pick<SourceView, (typeof SHOWN_SOURCE_FIELDS)[number]>;
export type CorrectionView = Pick<Correction, "note" | "createdAt">;
export type AnchorStatus = Claim["anchorStatus"];

/** The claim's own columns staff see; the rest (article and user ids, figures, deletedAt) stays inside. */
const CLAIM_COLUMNS = [
  "id", "exact", "prefix", "suffix", "start", "end", "claimText", "claimant", "rationale",
  "status", "anchorStatus", "rejectionReason", "publishedAt", "createdAt", "updatedAt", "version",
] as const;

export interface ClaimView extends Pick<Claim, (typeof CLAIM_COLUMNS)[number]> {
  articleSlug: string;
  verdict: Verdict;
  published: PublishedVersion | null;
  author: { id: string; name: string };
  assignee: { id: string; name: string } | null;
  sources: SourceView[];
  corrections: CorrectionView[];
}

export function toClaimView(row: ClaimRow): ClaimView {
  return {
    ...pick(row, CLAIM_COLUMNS),
    articleSlug: row.article.slug,
    verdict: row.verdict as Verdict,
    published: parsePublished(row.published),
    author: row.author,
    assignee: row.assignee,
    sources: row.sources.map((s) => pick(s, SOURCE_COLUMNS)),
    corrections: row.corrections,
  };
}

/** Where a claim's words are in the current text (W3C quote and position selectors). */
const ANCHOR_COLUMNS = ["id", "exact", "prefix", "suffix", "start", "end"] as const;

/** What readers see of a claim: its published version, anchored in the current text. */
export interface PublishedClaimView
  extends Pick<Claim, (typeof ANCHOR_COLUMNS)[number]>,
    Pick<PublishedVersion, "claimText" | "claimant" | "verdict" | "rationale"> {
  publishedAt: Date;
  /** When the published version last changed (a correction), else the first publication. */
  updatedAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  publishedBy: string;
  sources: ShownSource[];
  corrections: CorrectionView[];
}

/** The reader's view of a claim, or null when readers must not see it. */
export function toPublishedClaimView(row: ClaimRow): PublishedClaimView | null {
  const published = parsePublished(row.published);
  if (!published || row.status === "RETRACTED" || row.deletedAt || row.anchorStatus !== "ANCHORED" || !row.publishedAt) return null;
  return {
    ...pick(row, ANCHOR_COLUMNS),
    claimText: published.claimText,
    claimant: published.claimant,
    verdict: published.verdict,
    rationale: published.rationale,
    publishedAt: row.publishedAt,
    updatedAt: new Date(published.publishedAt),
    reviewedBy: published.reviewedBy?.name ?? null,
    reviewedAt: published.reviewedAt ? new Date(published.reviewedAt) : null,
    publishedBy: published.publishedBy.name,
    sources: published.sources.map((s) => ({ ...s, publishedAt: s.publishedAt ? new Date(`${s.publishedAt}T00:00:00Z`) : null })),
    corrections: row.corrections,
  };
}

/** The Prisma filter for claims readers may see (the published version is checked in toPublishedClaimView). */
export const readerVisibleClaims = {
  deletedAt: null,
  published: { not: null },
  status: { not: "RETRACTED" as const },
  anchorStatus: "ANCHORED" as const,
};
