/**
 * Claims in the data access layer: create, edit content, delete, read. Authorization and
 * validation happen inside each function; every change goes through mutateClaim (version
 * check + revision in one transaction). The workflow (submit, approve, publish…) lives in
 * claim-workflow.ts.
 */
import "server-only";
import type { Actor } from "./actor";
import { isStaff, requireStaff, deny } from "./authz";
import { db } from "./db";
import { AppError } from "./errors";
import { parseInput } from "./validate";
import { claimInclude, toClaimView, toPublishedClaimView, type ClaimView, type PublishedClaimView } from "./claim-view";
import { mutateClaim, recordCreation, requireLiveClaim } from "./claim-mutation";
import { ZCreateClaim, ZDeleteClaim, ZUpdateClaim, type TClaimContent } from "../validation/claim";
import { canDelete, canEditContent, statusAfterEdit } from "../domain/claim-workflow";
import { describe } from "../anchoring/selectors";
import { parseFigures } from "../claim-detection";

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

/** Validates a passage against the article text and describes it as W3C selectors. */
export function passageSelectors(text: string, passage: { start: number; end: number }) {
  if (passage.end > text.length) throw new AppError("VALIDATION", "The selection lies outside the article text.", { passage: "outside_article" });
  const trimmed = trimPassage(text, passage.start, passage.end);
  if (!trimmed) throw new AppError("VALIDATION", "The selection is empty.", { passage: "empty_selection" });
  return describe(text, trimmed.start, trimmed.end);
}

export async function createClaim(actor: Actor | null, input: unknown): Promise<ClaimView> {
  const author = requireStaff(actor);
  const data = parseInput(ZCreateClaim, input);
  const article = await db.article.findUnique({ where: { slug: data.articleSlug }, select: { id: true, text: true, language: true } });
  if (!article) throw new AppError("NOT_FOUND", "There is no article at this address.");
  const { quote, position } = passageSelectors(article.text, data.passage);
  // Figures in the quote, parsed once and stored, so later checks can compare numbers.
  const figures = article.language === "de" || article.language === "en" ? parseFigures(quote.exact, article.language) : [];
  const now = new Date();
  const id = await db.$transaction(async (tx) => {
    const claim = await tx.claim.create({
      data: {
        articleId: article.id,
        authorId: author.id,
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
        start: position.start,
        end: position.end,
        claimText: data.claimText,
        claimant: data.claimant,
        verdict: data.verdict,
        rationale: data.rationale,
        figures: JSON.stringify(figures.map(({ text, value, unit, normalized }) => ({ text, value, unit, normalized }))),
        sources: { create: sourceRows(data, now) },
      },
    });
    await recordCreation(tx, author, claim.id);
    return claim.id;
  });
  return toClaimView(await db.claim.findUniqueOrThrow({ where: { id }, include: claimInclude }));
}

/** Edits the claim's content. An approved or published claim goes back to review. */
export async function updateClaim(actor: Actor | null, input: unknown): Promise<ClaimView> {
  const staff = requireStaff(actor);
  const data = parseInput(ZUpdateClaim, input);
  const claim = await requireLiveClaim(data.claimId);
  if (!canEditContent(claim, staff)) deny(staff, "Only the claim's author, its assignee or an editor can change it.");
  const status = statusAfterEdit(claim.status);
  if (status === null) throw new AppError("CONFLICT", "A retracted claim cannot be edited.");
  const updated = await mutateClaim(staff, claim, data.version, {
    action: "edit",
    data: { claimText: data.claimText, claimant: data.claimant, verdict: data.verdict, rationale: data.rationale, status },
    sources: sourceRows(data, new Date()),
  });
  return toClaimView(updated);
}

/** Soft delete: the claim leaves every view and API; its row and history stay. */
export async function deleteClaim(actor: Actor | null, input: unknown): Promise<{ articleSlug: string }> {
  const staff = requireStaff(actor);
  const data = parseInput(ZDeleteClaim, input);
  const claim = await requireLiveClaim(data.claimId);
  if (!canDelete({ ...claim, hasPublishedVersion: claim.published !== null }, staff)) {
    deny(staff, "Only an editor can delete a claim that was published; authors can delete their unpublished claims.");
  }
  await mutateClaim(staff, claim, data.version, { action: "delete", data: { deletedAt: new Date() } });
  return { articleSlug: claim.article.slug };
}

/** A claim for the API: staff get the working copy; readers the published version, else the same 404. */
export async function getClaim(actor: Actor | null, claimId: string): Promise<ClaimView | PublishedClaimView> {
  const claim = await db.claim.findFirst({ where: { id: claimId, deletedAt: null }, include: claimInclude });
  if (claim && isStaff(actor)) return toClaimView(claim);
  const published = claim ? toPublishedClaimView(claim) : null;
  if (!published) throw new AppError("NOT_FOUND", "This claim does not exist.");
  return published;
}
