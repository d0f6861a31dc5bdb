/** Input schemas for claims and their sources. */
import { z } from "zod";
import { VERDICTS } from "../domain/verdicts";
import { TRANSITIONS } from "../domain/claim-workflow";
import { LIMITS, httpUrl, optionalDate, optionalText, positiveCount, requiredText, storable } from "./fields";

export const SOURCE_STANCES = ["SUPPORTS", "REFUTES", "CONTEXT"] as const;

export const ZSourceInput = z.object({
  url: httpUrl,
  title: requiredText(LIMITS.title),
  publisher: requiredText(LIMITS.name),
  publishedAt: optionalDate,
  excerpt: optionalText(LIMITS.excerpt),
  stance: z.enum(SOURCE_STANCES, { error: "invalid_choice" }),
});
export type TSourceInput = z.infer<typeof ZSourceInput>;

/** What the reviewer writes about a claim; the passage is given separately. */
export const ZClaimContent = z.object({
  claimText: requiredText(LIMITS.claimText),
  claimant: requiredText(LIMITS.name),
  verdict: z.enum(VERDICTS, { error: "invalid_choice" }),
  rationale: requiredText(LIMITS.rationale),
  sources: z.array(ZSourceInput).min(1, { error: "source_required" }).max(LIMITS.sources, { error: `too_many:${LIMITS.sources}` }),
});
export type TClaimContent = z.infer<typeof ZClaimContent>;

/** The highlighted passage, as offsets into the article's canonical text. */
export const ZPassage = z
  .object({
    start: z.number().int().min(0).max(LIMITS.articleText),
    end: z.number().int().min(1).max(LIMITS.articleText),
  })
  .refine((p) => p.end > p.start, { error: "empty_selection", path: ["end"] });

export const ZCreateClaim = ZClaimContent.extend({
  articleSlug: requiredText(LIMITS.title),
  passage: ZPassage,
}).strict();
export type TCreateClaim = z.infer<typeof ZCreateClaim>;

export const ZUpdateClaim = ZClaimContent.extend({
  claimId: requiredText(64),
  version: positiveCount(),
}).strict();
export type TUpdateClaim = z.infer<typeof ZUpdateClaim>;

const claimRef = { claimId: requiredText(64), version: positiveCount() };

export const ZDeleteClaim = z.object(claimRef).strict();

export const ZTransitionClaim = z
  .object({ ...claimRef, action: z.enum(TRANSITIONS, { error: "invalid_choice" }), note: optionalText(LIMITS.note) })
  .strict();
export type TTransitionClaim = z.infer<typeof ZTransitionClaim>;

export const ZAssignClaim = z.object({ ...claimRef, assigneeId: storable(z.string().max(64)).nullable() }).strict();

export const ZRestoreRevision = z.object({ ...claimRef, revision: positiveCount() }).strict();

export const ZConfirmAnchor = z.object(claimRef).strict();

export const ZReattachClaim = z.object({ ...claimRef, passage: ZPassage }).strict();

export const ZComment = z.object({ claimId: requiredText(64), body: requiredText(LIMITS.comment) }).strict();
