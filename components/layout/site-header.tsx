"use client";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { useI18n } from "@/lib/i18n/client";
import { LOCALES, type MessageKey } from "@/lib/i18n/messages";
import { setLocale } from "@/app/actions/locale";

interface Props {
  actor: { name: string; role: "ADMIN" | "EDITOR" | "REVIEWER" } | null;
}

export function SiteHeader({ actor }: Props) {
  const { locale, t } = useI18n();
  return (
    <header className="border-b border-rule bg-white/80 backdrop-blur">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-baseline gap-2 font-serif text-xl font-bold tracking-tight text-ink">
          <span aria-hidden className="inline-block h-3 w-3 translate-y-[-1px] rounded-full bg-accent" />
          {t("app.name")}
        </Link>
        <nav aria-label="Main" className="text-sm">
          <Link href="/" className="rounded px-1 text-slate-700 hover:text-ink">
            {t("nav.home")}
          </Link>
          {actor && (
            <Link href="/queue" className="ml-3 rounded px-1 text-slate-700 hover:text-ink">
              {t("nav.queue")}
            </Link>
          )}
          {actor?.role === "ADMIN" && (
            <Link href="/admin/users" className="ml-3 rounded px-1 text-slate-700 hover:text-ink">
              {t("nav.users")}
            </Link>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-4 text-sm">
          <form action={setLocale} className="flex items-center gap-1" aria-label={t("nav.language")}>
            {LOCALES.map((l) => (
              <button
                key={l}
                name="locale"
                value={l}
                aria-pressed={l === locale}
                className={`rounded px-2 py-1 text-xs font-semibold uppercase ${l === locale ? "bg-ink text-white" : "text-slate-600 hover:bg-slate-100"}`}
              >
                <span className="sr-only">{t(`language.${l}` as MessageKey)} </span>
                {l}
              </button>
            ))}
          </form>
          {actor ? (
            <div className="flex items-center gap-3">
              <span className="hidden text-slate-600 sm:inline" data-testid="signed-in-as">
                {t("nav.signedInAs", { name: actor.name })} · {t(`role.${actor.role}`)}
              </span>
              <Link href="/account" className="rounded px-1 text-slate-700 hover:text-ink">
                {t("nav.account")}
              </Link>
              <button
                type="button"
                onClick={() => signOut({ callbackUrl: "/" })}
                className="rounded border border-rule px-3 py-1 text-slate-700 hover:bg-slate-50"
              >
                {t("nav.signOut")}
              </button>
            </div>
          ) : (
            <Link href="/signin" className="rounded bg-accent px-3 py-1.5 font-medium text-white hover:bg-[#163d6c]">
              {t("nav.signIn")}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
