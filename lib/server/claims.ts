/**
 * Claims in the data access layer: create, edit, delete, with authorization and validation
 * inside each function. Every write is one transaction; an edit carries the version it started
 * from and is refused if someone saved in between.
 */
import "server-only";
import type { Actor } from "./actor";
import { isStaff, requireClaimEditor, requireStaff } from "./authz";
import { db } from "./db";
import { AppError } from "./errors";
import { parseInput } from "./validate";
import { claimInclude, toClaimView, type ClaimView } from "./claim-view";
import { ZCreateClaim, ZDeleteClaim, ZUpdateClaim, type TClaimContent } from "../validation/claim";
import { describe } from "../anchoring/selectors";

/** Shrinks a passage so it neither starts nor ends with whitespace; null when nothing is left. */
export function trimPassage(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s])) s++;
  while (e > s && /\s/u.test(text[e - 1])) e--;
  return s < e ? { start: s, end: e } : null;
}

function sourceRows(content: TClaimContent, accessedAt: Date) {
  return content.sources.map((s, position) => ({ ...s, position, accessedAt }));
}

function contentColumns(content: TClaimContent, wasPublishedAt: Date | null) {
  return {
    claimText: content.claimText,
    claimant: content.claimant,
    verdict: content.verdict,
    rationale: content.rationale,
    status: content.published ? ("PUBLISHED" as const) : ("DRAFT" as const),
    publishedAt: content.published ? (wasPublishedAt ?? new Date()) : null,
  };
}

export async function createClaim(actor: Actor | null, input: unknown): Promise<ClaimView> {
  const author = requireStaff(actor);
  const data = parseInput(ZCreateClaim, input);
  const article = await db.article.findUnique({ where: { slug: data.articleSlug }, select: { id: true, text: true } });
  if (!article) throw new AppError("NOT_FOUND", "There is no article at this address.");
  if (data.passage.end > article.text.length) {
    throw new AppError("VALIDATION", "The selection lies outside the article text.", { passage: "outside_article" });
  }
  const passage = trimPassage(article.text, data.passage.start, data.passage.end);
  if (!passage) throw new AppError("VALIDATION", "The selection is empty.", { passage: "empty_selection" });
  const { quote, position } = describe(article.text, passage.start, passage.end);
  const now = new Date();
  const claim = await db.claim.create({
    data: {
      articleId: article.id,
      authorId: author.id,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      start: position.start,
      end: position.end,
      ...contentColumns(data, null),
      sources: { create: sourceRows(data, now) },
    },
    include: claimInclude,
  });
  return toClaimView(claim);
}

async function findLiveClaim(claimId: string) {
  const claim = await db.claim.findFirst({ where: { id: claimId, deletedAt: null }, include: claimInclude });
  if (!claim) throw new AppError("NOT_FOUND", "This claim does not exist (any more).");
  return claim;
}

function conflict(): AppError {
  return new AppError("CONFLICT", "Someone else saved this claim after you opened it. Reload to see their change; your input is kept.");
}

export async function updateClaim(actor: Actor | null, input: unknown): Promise<ClaimView> {
  requireStaff(actor);
  const data = parseInput(ZUpdateClaim, input);
  const existing = await findLiveClaim(data.claimId);
  requireClaimEditor(actor, existing);
  const now = new Date();
  return db.$transaction(async (tx) => {
    // The version in the WHERE clause makes the check and the write one atomic step.
    const { count } = await tx.claim.updateMany({
      where: { id: existing.id, version: data.version, deletedAt: null },
      data: { ...contentColumns(data, existing.publishedAt), version: { increment: 1 } },
    });
    if (count === 0) throw conflict();
    await tx.source.deleteMany({ where: { claimId: existing.id } });
    await tx.source.createMany({ data: sourceRows(data, now).map((s) => ({ ...s, claimId: existing.id })) });
    const updated = await tx.claim.findUniqueOrThrow({ where: { id: existing.id }, include: claimInclude });
    return toClaimView(updated);
  });
}

export async function deleteClaim(actor: Actor | null, input: unknown): Promise<{ articleSlug: string }> {
  requireStaff(actor);
  const data = parseInput(ZDeleteClaim, input);
  const existing = await findLiveClaim(data.claimId);
  requireClaimEditor(actor, existing);
  const { count } = await db.claim.updateMany({
    where: { id: existing.id, version: data.version, deletedAt: null },
    data: { deletedAt: new Date(), version: { increment: 1 } },
  });
  if (count === 0) throw conflict();
  return { articleSlug: existing.article.slug };
}

/** A claim for the API; readers get only published claims, and the same 404 otherwise. */
export async function getClaim(actor: Actor | null, claimId: string): Promise<ClaimView> {
  const claim = await db.claim.findFirst({ where: { id: claimId, deletedAt: null }, include: claimInclude });
  if (!claim || (claim.status !== "PUBLISHED" && !isStaff(actor))) throw new AppError("NOT_FOUND", "This claim does not exist.");
  return toClaimView(claim);
}
