/**
 * The shapes of a claim handed to pages and APIs: the working copy staff see (ClaimView) and
 * the published version readers see (PublishedClaimView). No internal columns leak.
 */
import "server-only";
import type { Verdict } from "../domain/verdicts";
import type { ClaimStatus } from "../domain/claim-workflow";
import { parsePublished, type PublishedVersion, type SourceSnapshot } from "./claim-snapshot";

export const claimInclude = {
  sources: { orderBy: { position: "asc" as const } },
  author: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
  article: { select: { slug: true } },
  corrections: { orderBy: { createdAt: "asc" as const }, select: { note: true, createdAt: true } },
};

export interface SourceView {
  url: string;
  title: string;
  publisher: string;
  publishedAt: Date | null;
  excerpt: string;
  accessedAt: Date;
  stance: "SUPPORTS" | "REFUTES" | "CONTEXT";
}

export interface CorrectionView {
  note: string;
  createdAt: Date;
}

export type AnchorStatus = "ANCHORED" | "CHANGED" | "ORPHANED";

export interface ClaimView {
  id: string;
  articleSlug: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  claimText: string;
  claimant: string;
  verdict: Verdict;
  rationale: string;
  status: ClaimStatus;
  anchorStatus: AnchorStatus;
  rejectionReason: string | null;
  publishedAt: Date | null;
  published: PublishedVersion | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  author: { id: string; name: string };
  assignee: { id: string; name: string } | null;
  sources: SourceView[];
  corrections: CorrectionView[];
}

interface ClaimRow {
  id: string;
  article: { slug: string };
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  claimText: string;
  claimant: string;
  verdict: string;
  rationale: string;
  status: ClaimStatus;
  anchorStatus: AnchorStatus;
  rejectionReason: string | null;
  publishedAt: Date | null;
  published: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  author: { id: string; name: string };
  assignee: { id: string; name: string } | null;
  sources: SourceView[];
  corrections: CorrectionView[];
}

export function toClaimView(row: ClaimRow): ClaimView {
  return {
    id: row.id,
    articleSlug: row.article.slug,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start,
    end: row.end,
    claimText: row.claimText,
    claimant: row.claimant,
    verdict: row.verdict as Verdict,
    rationale: row.rationale,
    status: row.status,
    anchorStatus: row.anchorStatus,
    rejectionReason: row.rejectionReason,
    publishedAt: row.publishedAt,
    published: parsePublished(row.published),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    author: row.author,
    assignee: row.assignee,
    sources: row.sources.map((s) => ({
      url: s.url,
      title: s.title,
      publisher: s.publisher,
      publishedAt: s.publishedAt,
      excerpt: s.excerpt,
      accessedAt: s.accessedAt,
      stance: s.stance,
    })),
    corrections: row.corrections,
  };
}

/** What readers see of a claim: its published version, anchored in the current text. */
export interface PublishedClaimView {
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
  publishedAt: Date;
  /** When the published version last changed (a correction), else the first publication. */
  updatedAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  publishedBy: string;
  sources: { url: string; title: string; publisher: string; publishedAt: Date | null; excerpt: string; stance: SourceSnapshot["stance"] }[];
  corrections: CorrectionView[];
}

/** The reader's view of a claim, or null when readers must not see it. */
export function toPublishedClaimView(row: ClaimRow & { deletedAt: Date | null }): PublishedClaimView | null {
  const published = parsePublished(row.published);
  if (!published || row.status === "RETRACTED" || row.deletedAt || row.anchorStatus !== "ANCHORED" || !row.publishedAt) return null;
  return {
    id: row.id,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start,
    end: row.end,
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
