/** The shape of a claim handed to pages and APIs: no internal columns, author as a name. */
import "server-only";
import type { Verdict } from "../domain/verdicts";
import type { ClaimStatus } from "../generated/prisma/enums";

export const claimInclude = {
  sources: { orderBy: { position: "asc" as const } },
  author: { select: { id: true, name: true } },
  article: { select: { slug: true } },
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
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  author: { id: string; name: string };
  sources: SourceView[];
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
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  author: { id: string; name: string };
  sources: SourceView[];
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
    publishedAt: row.publishedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    author: row.author,
    sources: row.sources.map((s) => ({
      url: s.url,
      title: s.title,
      publisher: s.publisher,
      publishedAt: s.publishedAt,
      excerpt: s.excerpt,
      accessedAt: s.accessedAt,
      stance: s.stance,
    })),
  };
}
