"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getActor } from "@/lib/server/actor";
import { runAction } from "@/lib/server/action-result";
import { updateArticleText } from "@/lib/server/article-text-update";
import { AppError } from "@/lib/server/errors";
import { fromEditableText, joinBlocks } from "@/lib/domain/article-text";
import { LIMITS } from "@/lib/validation/fields";

const ZEditable = z.object({
  slug: z.string().max(LIMITS.title),
  title: z.string().max(LIMITS.title),
  editable: z.string().max(LIMITS.articleText),
  note: z.string().max(LIMITS.note),
  expectedVersion: z.number().int(),
  firstIsLead: z.boolean(),
});

/** Saves a corrected article text: converts the editor's plain-text form into blocks; the data layer checks the rest. */
export async function saveArticleTextAction(input: unknown) {
  const actor = await getActor();
  return runAction(async () => {
    const parsed = ZEditable.safeParse(input);
    if (!parsed.success) throw new AppError("VALIDATION", "The text is too long or malformed.", { text: "invalid_text" });
    const { slug, title, editable, note, expectedVersion, firstIsLead } = parsed.data;
    const { text, blockKinds } = joinBlocks(fromEditableText(editable, { firstIsLead }));
    const result = await updateArticleText(actor, { slug, title, text, blockKinds, note, expectedVersion });
    revalidatePath(`/articles/${slug}`);
    revalidatePath(`/review/${slug}`);
    revalidatePath("/");
    return result;
  });
}
