import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslator } from "@/lib/i18n/server";
import { getActor } from "@/lib/server/actor";
import { isStaff } from "@/lib/server/authz";
import { getMyQueue, type QueueItem } from "@/lib/server/queue";
import { VerdictBadge } from "@/components/verdict/verdict-badge";
import { isVerdict } from "@/lib/domain/verdicts";
import type { MessageKey } from "@/lib/i18n/messages";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("queue.title") };
}

export default async function QueuePage() {
  const actor = await getActor();
  if (!isStaff(actor)) redirect("/signin?callbackUrl=%2Fqueue");
  const { locale, t } = await getTranslator();
  const queue = await getMyQueue(actor);
  const sections: { key: keyof typeof queue; title: MessageKey; empty: MessageKey }[] = [
    { key: "toReanchor", title: "queue.toReanchor", empty: "queue.emptyReanchor" },
    { key: "toReview", title: "queue.toReview", empty: "queue.emptyReview" },
    { key: "toPublish", title: "queue.toPublish", empty: "queue.emptyPublish" },
    { key: "toWrite", title: "queue.toWrite", empty: "queue.emptyWrite" },
  ];
  const visible = sections.filter((s) => s.key !== "toPublish" || actor.role !== "REVIEWER");

  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="font-serif text-4xl font-bold tracking-tight">{t("queue.title")}</h1>
      <p className="mt-2 text-slate-600">{t("queue.intro")}</p>
      <div className="mt-8 space-y-10">
        {visible.map((section) => (
          <section key={section.key} aria-labelledby={`q-${section.key}`} data-testid={`queue-${section.key}`}>
            <h2 id={`q-${section.key}`} className="flex items-baseline gap-2 border-b border-rule pb-2 font-serif text-2xl font-semibold">
              {t(section.title)} <span className="font-sans text-base font-normal text-slate-500">{queue[section.key].length}</span>
            </h2>
            {queue[section.key].length === 0 ? (
              <p className="mt-3 text-sm text-slate-500">{t(section.empty)}</p>
            ) : (
              <ul className="mt-3 divide-y divide-rule">
                {queue[section.key].map((item) => (
                  <QueueRow key={item.id} item={item} locale={locale} t={t} />
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}

function QueueRow({ item, locale, t }: { item: QueueItem; locale: "de" | "en"; t: (k: MessageKey, v?: Record<string, string | number>) => string }) {
  return (
    <li className="flex flex-wrap items-start gap-3 py-3">
      {isVerdict(item.verdict) && <VerdictBadge verdict={item.verdict} locale={locale} />}
      <div className="min-w-0 flex-1">
        <Link href={`/review/${item.articleSlug}#claim-${item.id}`} className="font-semibold hover:underline">
          {item.claimText}
        </Link>
        <p className="text-xs text-slate-500">
          {item.articleTitle} · {t("workspace.by", { name: item.author })}
          {item.assignedToMe && <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 font-semibold text-sky-900">{t("queue.assignedToMe")}</span>}
        </p>
        {item.rejectionReason && item.status === "DRAFT" && (
          <p className="mt-1 text-sm text-amber-900">
            {t("detail.rejected")} {item.rejectionReason}
          </p>
        )}
      </div>
    </li>
  );
}
