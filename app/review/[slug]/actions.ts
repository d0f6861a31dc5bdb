"use server";
/** Server actions of the review workspace: thin wrappers; the data access layer checks everything. */
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/server/actor";
import { runAction } from "@/lib/server/action-result";
import { createClaim, deleteClaim, updateClaim } from "@/lib/server/claims";

function revalidateArticle(slug: string) {
  revalidatePath(`/articles/${slug}`);
  revalidatePath(`/review/${slug}`);
  revalidatePath("/");
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
