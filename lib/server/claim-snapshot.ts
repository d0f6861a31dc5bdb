/**
 * Snapshots of a claim for its history, and the published version readers see.
 * Both are stored as JSON; both are parsed back through zod, so a bad row fails loudly.
 */
import "server-only";
import { z } from "zod";
import { VERDICTS } from "../domain/verdicts";
import { CLAIM_STATUSES } from "../domain/claim-workflow";
import type { Source } from "../generated/prisma/client";
import { AnchorStatus, SourceStance } from "../generated/prisma/enums";

const ZSourceSnapshot = z.object({
  url: z.string(),
  title: z.string(),
  publisher: z.string(),
  publishedAt: z.string().nullable(),
  excerpt: z.string(),
  stance: z.enum(SourceStance),
});
export type SourceSnapshot = z.infer<typeof ZSourceSnapshot>;

export const ZClaimSnapshot = z.object({
  claimText: z.string(),
  claimant: z.string(),
  verdict: z.enum(VERDICTS),
  rationale: z.string(),
  status: z.enum(CLAIM_STATUSES),
  anchorStatus: z.enum(AnchorStatus),
  exact: z.string(),
  start: z.number(),
  end: z.number(),
  assigneeId: z.string().nullable(),
  sources: z.array(ZSourceSnapshot),
});
export type ClaimSnapshot = z.infer<typeof ZClaimSnapshot>;

const ZPerson = z.object({ id: z.string(), name: z.string() });

export const ZPublishedVersion = z.object({
  claimText: z.string(),
  claimant: z.string(),
  verdict: z.enum(VERDICTS),
  rationale: z.string(),
  sources: z.array(ZSourceSnapshot),
  publishedAt: z.string(),
  publishedBy: ZPerson,
  reviewedBy: ZPerson.nullable(),
  reviewedAt: z.string().nullable(),
});
export type PublishedVersion = z.infer<typeof ZPublishedVersion>;

type SourceRow = Pick<Source, "url" | "title" | "publisher" | "publishedAt" | "excerpt" | "stance">;

export function sourceSnapshot(s: SourceRow): SourceSnapshot {
  return { url: s.url, title: s.title, publisher: s.publisher, publishedAt: s.publishedAt?.toISOString().slice(0, 10) ?? null, excerpt: s.excerpt, stance: s.stance };
}

export function snapshotOf(row: {
  claimText: string;
  claimant: string;
  verdict: string;
  rationale: string;
  status: ClaimSnapshot["status"];
  anchorStatus: ClaimSnapshot["anchorStatus"];
  exact: string;
  start: number;
  end: number;
  assigneeId: string | null;
  sources: SourceRow[];
}): ClaimSnapshot {
  return ZClaimSnapshot.parse({
    claimText: row.claimText,
    claimant: row.claimant,
    verdict: row.verdict,
    rationale: row.rationale,
    status: row.status,
    anchorStatus: row.anchorStatus,
    exact: row.exact,
    start: row.start,
    end: row.end,
    assigneeId: row.assigneeId,
    sources: row.sources.map(sourceSnapshot),
  });
}

export interface FieldChange {
  field: keyof ClaimSnapshot;
  from: unknown;
  to: unknown;
}

/** The fields that differ between two snapshots, with old and new values. */
export function diffSnapshots(before: ClaimSnapshot | null, after: ClaimSnapshot): FieldChange[] {
  const fields = Object.keys(after) as (keyof ClaimSnapshot)[];
  return fields
    .filter((field) => before === null || JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, from: before ? before[field] : null, to: after[field] }));
}

export function parsePublished(json: string | null): PublishedVersion | null {
  return json === null ? null : ZPublishedVersion.parse(JSON.parse(json));
}

/** Sources as database rows again (restore, publish), dates back to Date. */
export function sourceRowsFromSnapshot(sources: SourceSnapshot[], accessedAt: Date) {
  return sources.map((s, position) => ({
    ...s,
    publishedAt: s.publishedAt ? new Date(`${s.publishedAt}T00:00:00Z`) : null,
    position,
    accessedAt,
  }));
}
