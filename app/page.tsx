import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/messages";
import { getActor } from "@/lib/server/actor";
import { isStaff } from "@/lib/server/authz";
import { listArticles } from "@/lib/server/articles";
import { VerdictCounts } from "@/components/verdict/verdict-badge";
import { ProgressCounts } from "@/components/articles/progress-counts";

export default async function HomePage() {
  const { locale, t } = await getTranslator();
  const actor = await getActor();
  const staff = isStaff(actor);
  const articles = await listArticles(actor);

  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <div className="flex flex-wrap items-end justify-between gap-4 border-b border-rule pb-6">
        <div className="max-w-2xl">
          <h1 className="font-serif text-4xl font-bold tracking-tight">{t("home.title")}</h1>
          <p className="mt-2 text-lg text-slate-600">{t("home.intro")}</p>
        </div>
        {staff && (
          <Link href="/articles/new" className="rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-[#163d6c]">
            {t("home.addArticle")}
          </Link>
        )}
      </div>

      {articles.length === 0 ? (
        <p className="mt-10 rounded-lg border border-dashed border-rule bg-white p-10 text-center text-slate-600">
          {staff ? t("home.emptyStaff") : t("home.empty")}
        </p>
      ) : (
        <ul className="mt-6 divide-y divide-rule">
          {articles.map((a) => (
            <li key={a.slug} className="grid gap-3 py-6 md:grid-cols-[1fr_auto] md:items-center" data-testid="article-row">
              <div>
                <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                  {a.publisher}
                  {a.publishedAt && <> · {formatDate(a.publishedAt, locale)}</>}
                  <span className="ml-2 rounded border border-slate-300 px-1 text-[10px]">{a.language.toUpperCase()}</span>
                </p>
                <h2 className="mt-1 font-serif text-2xl font-semibold leading-snug">
                  <Link href={`/articles/${a.slug}`} className="hover:underline">
                    {a.title}
                  </Link>
                </h2>
                <div className="mt-3 flex flex-wrap items-center gap-3 text-sm text-slate-600">
                  <span>
                    {a.publishedClaims === 0
                      ? t("home.noClaims")
                      : a.publishedClaims === 1
                        ? t("home.oneClaimChecked")
                        : t("home.claimsChecked", { count: a.publishedClaims })}
                  </span>
                  <VerdictCounts counts={a.verdictCounts} locale={locale} />
                  {a.progress && <ProgressCounts progress={a.progress} />}
                </div>
              </div>
              <div className="flex gap-2">
                <Link href={`/articles/${a.slug}`} className="rounded border border-rule bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
                  {t("home.read")}
                </Link>
                {staff && (
                  <Link href={`/review/${a.slug}`} className="rounded bg-ink px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-800">
                    {t("home.review")}
                  </Link>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
