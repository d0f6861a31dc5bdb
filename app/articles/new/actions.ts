"use server";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/server/actor";
import { runAction } from "@/lib/server/action-result";
import { createArticle } from "@/lib/server/articles";

export async function createArticleAction(input: unknown) {
  const actor = await getActor();
  return runAction(async () => {
    const result = await createArticle(actor, input);
    revalidatePath("/");
    return result;
  });
}
