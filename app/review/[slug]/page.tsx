import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslator } from "@/lib/i18n/server";
import { getActor } from "@/lib/server/actor";
import { isStaff } from "@/lib/server/authz";
import { listAssignableStaff } from "@/lib/server/claim-workflow";
import { canReviseArticles } from "@/lib/server/article-text-update";
import type { Actor } from "@/lib/server/actor";
import { SHOWN_SOURCE_FIELDS, type ClaimView } from "@/lib/server/claim-view";
import type { WorkspaceClaim } from "@/components/workspace/types";
import { pick } from "@/lib/pick";
import { availableTransitions, canAssign, canDelete, canEditContent, canRestore } from "@/lib/domain/claim-workflow";
import { getArticleForReview } from "@/lib/server/articles";
import { AppError } from "@/lib/server/errors";
import { ReviewWorkspace } from "@/components/workspace/review-workspace";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("workspace.title", { title: (await params).slug }) };
}

async function loadOrNotFound(actor: Awaited<ReturnType<typeof getActor>>, slug: string) {
  try {
    return await getArticleForReview(actor, slug);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

function toWorkspaceClaim(c: ClaimView, actor: Actor): WorkspaceClaim {
  const workflow = { status: c.status, authorId: c.author.id, assigneeId: c.assignee?.id ?? null, hasPublishedVersion: c.published !== null };
  return {
    id: c.id,
    exact: c.exact,
    start: c.start,
    end: c.end,
    claimText: c.claimText,
    claimant: c.claimant,
    verdict: c.verdict,
    rationale: c.rationale,
    status: c.status,
    anchorStatus: c.anchorStatus,
    rejectionReason: c.rejectionReason,
    hasPublishedVersion: c.published !== null,
    version: c.version,
    authorName: c.author.name,
    assignee: c.assignee,
    can: {
      edit: canEditContent(workflow, actor),
      assign: canAssign(workflow, actor),
      delete: canDelete(workflow, actor),
      restore: canRestore(actor),
      transitions: availableTransitions(workflow, actor),
    },
    sources: c.sources.map((source) => pick(source, SHOWN_SOURCE_FIELDS)),
  };
}

export default async function ReviewPage({ params }: Params) {
  const { slug } = await params;
  const actor = await getActor();
  if (!isStaff(actor)) redirect(`/signin?callbackUrl=${encodeURIComponent(`/review/${slug}`)}`);
  const [article, staff] = await Promise.all([loadOrNotFound(actor, slug), listAssignableStaff(actor)]);
  const { t } = await getTranslator();

  return (
    <div className="mx-auto max-w-7xl px-4 py-6">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">
          <Link href="/" className="underline underline-offset-2">{t("nav.home")}</Link> / {t("workspace.claims")}
        </p>
        <div className="flex gap-2">
          {canReviseArticles(actor) && (
            <Link href={`/review/${article.slug}/edit`} className="rounded border border-rule bg-white px-3 py-1.5 text-sm hover:bg-slate-50" data-testid="edit-text">
              ✎ {t("edit.link")}
            </Link>
          )}
          <Link href={`/articles/${article.slug}`} className="rounded border border-rule bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
            {t("workspace.readerView")} →
          </Link>
        </div>
      </div>
      <ReviewWorkspace
        slug={article.slug}
        title={article.title}
        text={article.text}
        language={article.language}
        blocks={article.blocks}
        staff={staff.map((s) => ({ id: s.id, name: s.name }))}
        claims={article.claims.map((c) => toWorkspaceClaim(c, actor))}
      />
    </div>
  );
}
