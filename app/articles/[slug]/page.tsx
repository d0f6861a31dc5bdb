import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/messages";
import { getPublishedArticle } from "@/lib/server/articles";
import { getActor } from "@/lib/server/actor";
import { isStaff } from "@/lib/server/authz";
import { countByVerdict } from "@/lib/domain/verdicts";
import { HighlightedArticle } from "@/components/article/highlighted-article";
import { ReaderCards } from "@/components/reader/reader-cards";
import { toCardClaim } from "@/components/reader/claim-card-content";
import { VerdictCounts, VerdictLine } from "@/components/verdict/verdict-badge";
import { claimReviewOf } from "@/lib/server/claim-reviews";
import { requestOrigin } from "@/lib/server/request-origin";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const article = await getPublishedArticle((await params).slug);
  return article ? { title: article.title } : {};
}

export default async function ReaderPage({ params }: Params) {
  const { slug } = await params;
  const article = await getPublishedArticle(slug);
  if (!article) notFound();
  const { locale, t } = await getTranslator();
  const staff = isStaff(await getActor());
  const claims = article.claims;
  const counts = countByVerdict(claims);
  const summary = claims.length === 0 ? t("reader.summaryNone") : claims.length === 1 ? t("reader.summaryOne") : t("reader.summary", { count: claims.length });

  const origin = await requestOrigin();
  const claimReviews = claims.map((c) => claimReviewOf(c, article, origin));

  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      {claimReviews.length > 0 && (
        // JSON-LD for search engines and fact-check aggregators; "<" is escaped so no text can close the script element.
        <script type="application/ld+json" data-testid="claim-review-jsonld" dangerouslySetInnerHTML={{ __html: JSON.stringify(claimReviews).replace(/</g, "\\u003c") }} />
      )}
      <aside aria-label={t("reader.legend")} className="mb-8 rounded-lg border border-rule bg-white p-4 shadow-sm" data-testid="summary-bar">
        <div className="flex flex-wrap items-center gap-3">
          <p className="font-semibold" data-testid="summary-count">{summary}</p>
          <VerdictCounts counts={counts} locale={locale} />
          {staff && (
            <Link href={`/review/${article.slug}`} className="ml-auto text-sm text-accent underline underline-offset-2">
              {t("reader.review")}
            </Link>
          )}
        </div>
        {claims.length > 0 && (
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-slate-700">{t("reader.claimsList")}</summary>
            <ol className="mt-2 space-y-1">
              {claims.map((c) => (
                <li key={c.id}>
                  <a href={`#claim-${c.id}`} className="flex gap-2 rounded px-1 py-0.5 hover:bg-slate-50">
                    <VerdictLine verdict={c.verdict} claimText={c.claimText} locale={locale} />
                  </a>
                </li>
              ))}
            </ol>
          </details>
        )}
      </aside>

      <article lang={article.language === "other" ? undefined : article.language}>
        <header className="mb-6">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            {article.publisher}
            {article.publishedAt && <> · {formatDate(article.publishedAt, locale)}</>}
          </p>
          <h1 className="mt-2 font-serif text-4xl font-bold leading-tight tracking-tight">{article.title}</h1>
          <a href={article.sourceUrl} target="_blank" rel="noopener noreferrer nofollow" className="mt-2 inline-block text-sm text-accent underline underline-offset-2">
            {t("reader.original")}
          </a>
        </header>
        <ReaderCards claims={claims.map(toCardClaim)}>
          <div className="font-serif text-[1.15rem]" data-testid="article-body">
            <HighlightedArticle blocks={article.blocks} highlights={claims} locale={locale} />
          </div>
        </ReaderCards>
        {article.byline && <p className="mt-6 text-sm text-slate-500">({article.byline})</p>}
      </article>
    </div>
  );
}
