/** The body of a fact-check card: verdict, claim, rationale, sources, who checked it. */
import { VerdictBadge } from "@/components/verdict/verdict-badge";
import { formatDate, type Translate, type MessageKey } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/domain/verdicts";
import type { PublishedClaimView } from "@/lib/server/claim-view";
import { pick } from "@/lib/pick";

const CARD_FIELDS = ["id", "claimText", "claimant", "verdict", "rationale", "publishedAt", "reviewedBy", "reviewedAt", "corrections", "sources"] as const;

/** The part of a published claim a card shows: all the reader's page sends to the browser for it. */
export type CardClaim = Pick<PublishedClaimView, (typeof CARD_FIELDS)[number]>;

export const toCardClaim = (claim: PublishedClaimView): CardClaim => pick(claim, CARD_FIELDS);

export function ClaimCardContent({ claim, locale, t, headingId }: { claim: CardClaim; locale: Locale; t: Translate; headingId: string }) {
  return (
    <div className="space-y-4">
      <VerdictBadge verdict={claim.verdict} locale={locale} size="md" />
      <div>
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("reader.claimant", { claimant: claim.claimant })}</p>
        <h2 id={headingId} className="mt-1 font-serif text-lg font-semibold leading-snug">
          {claim.claimText}
        </h2>
      </div>
      <section>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("reader.rationale")}</h3>
        <p className="mt-1 whitespace-pre-line leading-relaxed text-slate-800">{claim.rationale}</p>
      </section>
      {claim.sources.length > 0 && (
        <section>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("reader.sources")}</h3>
          <ol className="mt-2 space-y-3">
            {claim.sources.map((s, i) => (
              <li key={i} className="rounded border border-rule bg-slate-50 p-3 text-sm">
                <a href={s.url} target="_blank" rel="noopener noreferrer nofollow" className="font-semibold text-accent underline decoration-1 underline-offset-2 hover:decoration-2">
                  {s.title}
                </a>
                <p className="mt-0.5 text-slate-600">
                  {s.publisher}
                  {s.publishedAt && <> · {formatDate(s.publishedAt, locale)}</>} · {t(`stance.${s.stance}` as MessageKey)}
                </p>
                {s.excerpt && <blockquote className="mt-2 border-l-2 border-slate-300 pl-2 italic text-slate-700">{s.excerpt}</blockquote>}
              </li>
            ))}
          </ol>
        </section>
      )}
      {claim.corrections.length > 0 && (
        <section className="rounded border border-amber-300 bg-amber-50 p-3" data-testid="corrections">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-amber-900">{t("reader.corrections")}</h3>
          <ul className="mt-1 space-y-1 text-sm text-amber-950">
            {claim.corrections.map((c, i) => (
              <li key={i}>
                <span className="font-semibold">{formatDate(c.createdAt, locale)}:</span> {c.note}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="border-t border-rule pt-3 text-xs text-slate-500">
        {claim.reviewedBy && claim.reviewedAt
          ? t("reader.checkedBy", { name: claim.reviewedBy, date: formatDate(claim.reviewedAt, locale) }) + " · "
          : ""}
        {t("reader.publishedOn", { date: formatDate(claim.publishedAt, locale) })}
      </p>
    </div>
  );
}
