import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslator } from "@/lib/i18n/server";
import { getActor } from "@/lib/server/actor";
import { isStaff } from "@/lib/server/authz";
import { canReviseArticles } from "@/lib/server/article-text-update";
import { ArticleImport } from "@/components/articles/article-import";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("article.new") };
}

export default async function NewArticlePage() {
  const actor = await getActor();
  if (!isStaff(actor)) redirect("/signin?callbackUrl=%2Farticles%2Fnew");
  const { t } = await getTranslator();
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="font-serif text-3xl font-bold">{t("article.new")}</h1>
      <p className="mt-2 text-slate-600">{t("import.intro")}</p>
      {/* Whether the duplicate dialog offers "store as a new revision" or says "ask an editor". */}
      <ArticleImport canRevise={canReviseArticles(actor)} />
    </div>
  );
}
