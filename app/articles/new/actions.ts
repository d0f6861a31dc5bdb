"use server";
/**
 * Server actions of the add-article page: thin wrappers. Server actions are public endpoints;
 * the data access layer checks the actor's rights and validates every input.
 */
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/server/actor";
import { runAction } from "@/lib/server/action-result";
import { createArticle } from "@/lib/server/articles";
import { extractFromHtml, extractFromUrl, reviseArticle } from "@/lib/server/import";

export async function createArticleAction(input: unknown) {
  const actor = await getActor();
  return runAction(async () => {
    const result = await createArticle(actor, input);
    revalidatePath("/");
    return result;
  });
}

export async function extractFromHtmlAction(input: unknown) {
  const actor = await getActor();
  return runAction(() => extractFromHtml(actor, input));
}

export async function extractFromUrlAction(input: unknown) {
  const actor = await getActor();
  return runAction(() => extractFromUrl(actor, input));
}

export async function reviseArticleAction(input: unknown) {
  const actor = await getActor();
  return runAction(async () => {
    const result = await reviseArticle(actor, input);
    revalidatePath("/");
    revalidatePath(`/articles/${result.slug}`);
    revalidatePath(`/review/${result.slug}`);
    return result;
  });
}
