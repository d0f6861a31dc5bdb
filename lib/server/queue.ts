/**
 * "My queue": what waits for the signed-in staff member — claims to write (own drafts,
 * rejected ones first), to review (someone else's, assigned to me first), to publish (editors),
 * and claims whose passage changed in a correction of the article.
 */
import "server-only";
import type { Actor } from "./actor";
import { requireStaff } from "./authz";
import { db } from "./db";

export interface QueueItem {
  id: string;
  articleSlug: string;
  articleTitle: string;
  claimText: string;
  exact: string;
  verdict: string;
  status: string;
  anchorStatus: string;
  author: string;
  assignee: string | null;
  assignedToMe: boolean;
  rejectionReason: string | null;
  updatedAt: Date;
}

export interface Queue {
  toWrite: QueueItem[];
  toReview: QueueItem[];
  toPublish: QueueItem[];
  toReanchor: QueueItem[];
}

const include = {
  article: { select: { slug: true, title: true } },
  author: { select: { name: true } },
  assignee: { select: { name: true } },
};

export async function getMyQueue(actor: Actor | null): Promise<Queue> {
  const me = requireStaff(actor);
  const isEditor = me.role === "EDITOR" || me.role === "ADMIN";
  const rows = await db.claim.findMany({
    where: {
      deletedAt: null,
      OR: [
        { status: "DRAFT", OR: [{ authorId: me.id }, { assigneeId: me.id }] },
        { status: "IN_REVIEW", authorId: { not: me.id } },
        ...(isEditor ? [{ status: "APPROVED" as const }] : []),
        { anchorStatus: { not: "ANCHORED" as const }, status: { not: "RETRACTED" as const } },
      ],
    },
    include,
    orderBy: { updatedAt: "asc" },
  });
  const items = rows.map(
    (c): QueueItem => ({
      id: c.id,
      articleSlug: c.article.slug,
      articleTitle: c.article.title,
      claimText: c.claimText,
      exact: c.exact,
      verdict: c.verdict,
      status: c.status,
      anchorStatus: c.anchorStatus,
      author: c.author.name,
      assignee: c.assignee?.name ?? null,
      assignedToMe: c.assigneeId === me.id,
      rejectionReason: c.rejectionReason,
      updatedAt: c.updatedAt,
    }),
  );
  const mineFirst = (a: QueueItem, b: QueueItem) => Number(b.assignedToMe) - Number(a.assignedToMe) || Number(!!b.rejectionReason) - Number(!!a.rejectionReason);
  return {
    toWrite: items.filter((c) => c.status === "DRAFT" && c.anchorStatus === "ANCHORED").sort(mineFirst),
    toReview: items.filter((c) => c.status === "IN_REVIEW" && c.anchorStatus === "ANCHORED" && rows.find((r) => r.id === c.id)!.authorId !== me.id).sort(mineFirst),
    toPublish: items.filter((c) => c.status === "APPROVED" && c.anchorStatus === "ANCHORED"),
    toReanchor: items.filter((c) => c.anchorStatus !== "ANCHORED"),
  };
}
