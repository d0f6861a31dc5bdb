/** The staff-only discussion thread of a claim. Plain text, rendered as text. */
import "server-only";
import type { Actor } from "./actor";
import { isStaff, requireStaff } from "./authz";
import { db } from "./db";
import { AppError } from "./errors";
import { parseInput } from "./validate";
import { ZComment } from "../validation/claim";

export interface CommentView {
  id: string;
  body: string;
  author: string;
  createdAt: Date;
}

async function requireClaim(claimId: string) {
  const claim = await db.claim.findFirst({ where: { id: claimId, deletedAt: null }, select: { id: true } });
  if (!claim) throw new AppError("NOT_FOUND", "This claim does not exist.");
}

export async function listComments(actor: Actor | null, claimId: string): Promise<CommentView[]> {
  // Staff-only data answers readers with the same 404 as a claim that does not exist.
  if (!isStaff(actor)) throw new AppError("NOT_FOUND", "This claim does not exist.");
  await requireClaim(claimId);
  const rows = await db.comment.findMany({ where: { claimId }, orderBy: { createdAt: "asc" }, include: { author: { select: { name: true } } } });
  return rows.map((c) => ({ id: c.id, body: c.body, author: c.author.name, createdAt: c.createdAt }));
}

export async function addComment(actor: Actor | null, input: unknown): Promise<CommentView> {
  const staff = requireStaff(actor);
  const data = parseInput(ZComment, input);
  await requireClaim(data.claimId);
  const c = await db.comment.create({ data: { claimId: data.claimId, authorId: staff.id, body: data.body } });
  return { id: c.id, body: c.body, author: staff.name, createdAt: c.createdAt };
}
