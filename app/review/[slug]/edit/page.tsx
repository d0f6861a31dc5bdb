import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslator } from "@/lib/i18n/server";
import { getActor } from "@/lib/server/actor";
import { isStaff } from "@/lib/server/authz";
import { getArticleForReview } from "@/lib/server/articles";
import { canReviseArticles } from "@/lib/server/article-text-update";
import { AppError } from "@/lib/server/errors";
import { toEditableText } from "@/lib/domain/article-text";
import { ArticleTextEditor } from "@/components/articles/article-text-editor";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("edit.title") };
}

export default async function EditArticlePage({ params }: Params) {
  const { slug } = await params;
  const actor = await getActor();
  if (!isStaff(actor)) redirect(`/signin?callbackUrl=${encodeURIComponent(`/review/${slug}/edit`)}`);
  const { t } = await getTranslator();
  const article = await getArticleForReview(actor, slug).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <p className="text-sm text-slate-600">
        <Link href={`/review/${slug}`} className="underline underline-offset-2">← {t("edit.back")}</Link>
      </p>
      <h1 className="mt-2 font-serif text-3xl font-bold">{t("edit.title")}</h1>
      <p className="mt-2 max-w-2xl text-slate-600">{t("edit.intro")}</p>
      {canReviseArticles(actor) ? (
        <ArticleTextEditor
          slug={slug}
          title={article.title}
          editable={toEditableText(article.blocks)}
          version={article.version}
          firstIsLead={article.blocks[0]?.kind === "lead"}
          claimCount={article.claims.length}
        />
      ) : (
        <p className="mt-8 rounded border border-amber-300 bg-amber-50 p-4 text-amber-950">{t("edit.editorsOnly")}</p>
      )}
    </div>
  );
}
