"use client";
/**
 * "Sign out everywhere": the server bumps the session version (every token, this one too, stops
 * working at once); then this browser drops its now useless cookie and shows the sign-in page.
 */
import { useState } from "react";
import { signOut } from "next-auth/react";
import { useI18n } from "@/lib/i18n/client";
import { signOutEverywhereAction } from "@/app/account/actions";
import { failureMessage } from "./action-message";
import { cardClass, errorBox } from "./styles";

export function SignOutEverywhere() {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    if (!window.confirm(t("account.confirmSignOutEverywhere"))) return;
    setPending(true);
    setError(null);
    const result = await signOutEverywhereAction().catch(() => null);
    if (!result?.ok) {
      setPending(false);
      setError(failureMessage(t, result));
      return;
    }
    await signOut({ callbackUrl: "/signin?notice=signed-out-everywhere" });
  }

  return (
    <section aria-labelledby="sessions-title" className={cardClass}>
      <h2 id="sessions-title" className="font-serif text-xl font-semibold">{t("account.sessionsTitle")}</h2>
      <p className="mt-1 text-sm text-slate-600">{t("account.sessionsIntro")}</p>
      {error && <p role="status" className={`${errorBox} mt-4`}>{error}</p>}
      <button
        type="button"
        onClick={run}
        disabled={pending}
        className="mt-4 rounded border border-red-300 bg-white px-4 py-2 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-60"
      >
        {pending ? t("account.signingOut") : t("account.signOutEverywhere")}
      </button>
    </section>
  );
}
