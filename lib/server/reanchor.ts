/**
 * Re-anchoring claims when an article's text changes, and the two ways a reviewer resolves a
 * claim whose passage changed: confirm it (after seeing the difference) or re-attach it to a
 * newly selected passage. Claims that are `changed` or `orphaned` leave the reader view until then.
 */
import "server-only";
import type { Actor } from "./actor";
import { deny, requireStaff } from "./authz";
import { db } from "./db";
import { AppError } from "./errors";
import { parseInput } from "./validate";
import { toClaimView, claimInclude, type ClaimView } from "./claim-view";
import { applyClaimMutation, mutateClaim, requireLiveClaim, type Tx } from "./claim-mutation";
import { passageSelectors } from "./claims";
import { ZConfirmAnchor, ZReattachClaim } from "../validation/claim";
import { anchorAll, type AnchorResult } from "../anchoring";
import { describe } from "../anchoring/selectors";
import { canEditContent } from "../domain/claim-workflow";

export interface ReanchorSummary {
  anchored: number;
  moved: number;
  changed: number;
  orphaned: number;
}

function selectorColumns(text: string, start: number, end: number) {
  const { quote, position } = describe(text, start, end);
  return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end };
}

/** What a claim's row becomes for one anchoring result (null: nothing to write). */
function columnsFor(result: AnchorResult, claim: { start: number; end: number; exact: string; prefix: string; suffix: string; anchorStatus: string }, text: string) {
  if (result.status === "anchored") {
    const next = selectorColumns(text, result.start, result.end);
    const same = next.start === claim.start && next.end === claim.end && next.exact === claim.exact && next.prefix === claim.prefix && next.suffix === claim.suffix;
    return same && claim.anchorStatus === "ANCHORED" ? null : { ...next, anchorStatus: "ANCHORED" as const };
  }
  if (result.status === "changed") {
    // Keep the stored quote and context: they are what the verdict was about, shown next to the new text.
    if (claim.anchorStatus === "CHANGED" && claim.start === result.start && claim.end === result.end) return null;
    return { start: result.start, end: result.end, anchorStatus: "CHANGED" as const };
  }
  return claim.anchorStatus === "ORPHANED" ? null : { anchorStatus: "ORPHANED" as const };
}

/**
 * Anchors every live claim of the article in `newText` and writes the new positions and states,
 * with one revision per claim that changed, inside the caller's transaction.
 */
export async function reanchorArticleClaims(tx: Tx, actor: Actor, articleId: string, newText: string): Promise<ReanchorSummary> {
  const claims = await tx.claim.findMany({ where: { articleId, deletedAt: null }, include: claimInclude });
  const results = anchorAll(
    newText,
    claims.map((c) => ({ id: c.id, exact: c.exact, prefix: c.prefix, suffix: c.suffix, start: c.start, end: c.end })),
  );
  const summary: ReanchorSummary = { anchored: 0, moved: 0, changed: 0, orphaned: 0 };
  for (const [i, result] of results.entries()) {
    const claim = claims[i];
    summary[result.status === "anchored" ? "anchored" : result.status] += 1;
    const data = columnsFor(result, claim, newText);
    if (!data) continue;
    if (result.status === "anchored") summary.moved += 1;
    const note = result.status === "orphaned" ? "orphaned" : `${result.status} (${result.method}, score ${result.score.toFixed(2)})`;
    const updated = await applyClaimMutation(tx, actor, claim, claim.version, { action: "reanchor", note, data });
    if (!updated) throw new AppError("CONFLICT", "A claim changed while the article was saved. Please save again.");
  }
  return summary;
}

/** A reviewer confirms that a changed passage still carries the verdict: it is anchored to the current text again. */
export async function confirmAnchor(actor: Actor | null, input: unknown): Promise<ClaimView> {
  const staff = requireStaff(actor);
  const data = parseInput(ZConfirmAnchor, input);
  const claim = await requireLiveClaim(data.claimId);
  if (claim.anchorStatus !== "CHANGED") throw new AppError("CONFLICT", "Only a claim whose passage changed can be confirmed.");
  const article = await db.article.findUniqueOrThrow({ where: { id: claim.articleId }, select: { text: true } });
  const columns = selectorColumns(article.text, claim.start, claim.end);
  const updated = await mutateClaim(staff, claim, data.version, {
    action: "confirm",
    note: `„${claim.exact}“ → „${columns.exact}“`,
    data: { ...columns, anchorStatus: "ANCHORED" },
  });
  return toClaimView(updated);
}

/** Attaches a claim to a newly selected passage of the current text (author, assignee or editor). */
export async function reattachClaim(actor: Actor | null, input: unknown): Promise<ClaimView> {
  const staff = requireStaff(actor);
  const data = parseInput(ZReattachClaim, input);
  const claim = await requireLiveClaim(data.claimId);
  if (!canEditContent(claim, staff)) deny(staff, "Only the claim's author, its assignee or an editor can move it.");
  const article = await db.article.findUniqueOrThrow({ where: { id: claim.articleId }, select: { text: true } });
  const { quote, position } = passageSelectors(article.text, data.passage);
  const updated = await mutateClaim(staff, claim, data.version, {
    action: "reattach",
    note: `„${claim.exact}“ → „${quote.exact}“`,
    data: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end, anchorStatus: "ANCHORED" },
  });
  return toClaimView(updated);
}
