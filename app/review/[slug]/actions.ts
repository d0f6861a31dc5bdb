"use server";
/**
 * Server actions of the review workspace. Server actions are public endpoints: each one resolves
 * the actor and calls the data access layer, which checks rights and validates input.
 */
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/server/actor";
import { runAction } from "@/lib/server/action-result";
import { createClaim, deleteClaim, updateClaim } from "@/lib/server/claims";
import { assignClaim, getClaimHistory, restoreRevision, transitionClaim } from "@/lib/server/claim-workflow";
import { addComment, listComments } from "@/lib/server/comments";
import { confirmAnchor, reattachClaim } from "@/lib/server/reanchor";
import { dismissSuggestion, getSuggestions } from "@/lib/server/suggestions";

function revalidateArticle(slug: string) {
  revalidatePath(`/articles/${slug}`);
  revalidatePath(`/review/${slug}`);
  revalidatePath("/");
  revalidatePath("/queue");
}

export async function createClaimAction(input: unknown) {
  const actor = await getActor();
  return runAction(async () => {
    const claim = await createClaim(actor, input);
    revalidateArticle(claim.articleSlug);
    return { id: claim.id };
  });
}

export async function updateClaimAction(input: unknown) {
  const actor = await getActor();
  return runAction(async () => {
    const claim = await updateClaim(actor, input);
    revalidateArticle(claim.articleSlug);
    return { id: claim.id, version: claim.version };
  });
}

export async function deleteClaimAction(input: unknown) {
  const actor = await getActor();
  return runAction(async () => {
    const { articleSlug } = await deleteClaim(actor, input);
    revalidateArticle(articleSlug);
    return null;
  });
}

export async function transitionClaimAction(input: unknown) {
  const actor = await getActor();
  return runAction(async () => {
    const claim = await transitionClaim(actor, input);
    revalidateArticle(claim.articleSlug);
    return { id: claim.id, version: claim.version, status: claim.status };
  });
}

export async function assignClaimAction(input: unknown) {
  const actor = await getActor();
  return runAction(async () => {
    const claim = await assignClaim(actor, input);
    revalidateArticle(claim.articleSlug);
    return { id: claim.id, version: claim.version };
  });
}

export async function restoreRevisionAction(input: unknown) {
  const actor = await getActor();
  return runAction(async () => {
    const claim = await restoreRevision(actor, input);
    revalidateArticle(claim.articleSlug);
    return { id: claim.id, version: claim.version };
  });
}

export async function claimHistoryAction(claimId: unknown) {
  const actor = await getActor();
  return runAction(() => getClaimHistory(actor, String(claimId)));
}

export async function listCommentsAction(claimId: unknown) {
  const actor = await getActor();
  return runAction(() => listComments(actor, String(claimId)));
}

export async function addCommentAction(input: unknown) {
  const actor = await getActor();
  return runAction(() => addComment(actor, input));
}

export async function confirmAnchorAction(input: unknown) {
  const actor = await getActor();
  return runAction(async () => {
    const claim = await confirmAnchor(actor, input);
    revalidateArticle(claim.articleSlug);
    return { id: claim.id, version: claim.version };
  });
}

export async function reattachClaimAction(input: unknown) {
  const actor = await getActor();
  return runAction(async () => {
    const claim = await reattachClaim(actor, input);
    revalidateArticle(claim.articleSlug);
    return { id: claim.id, version: claim.version };
  });
}

export async function suggestionsAction(slug: unknown) {
  const actor = await getActor();
  return runAction(() => getSuggestions(actor, String(slug)));
}

export async function dismissSuggestionAction(input: unknown) {
  const actor = await getActor();
  return runAction(() => dismissSuggestion(actor, input));
}
