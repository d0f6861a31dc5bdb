import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslator } from "@/lib/i18n/server";
import { getActor } from "@/lib/server/actor";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/domain/safe-redirect";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("signin.title") };
}

/** Why the person landed here, when the account page sent them (a fixed list: no text from the URL). */
const NOTICES = { "signed-out-everywhere": "signin.signedOutEverywhere", "password-changed": "account.signInAgain" } as const;

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; notice?: string }> }) {
  const { t } = await getTranslator();
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl);
  const notice = Object.hasOwn(NOTICES, params.notice ?? "") ? NOTICES[params.notice as keyof typeof NOTICES] : null;
  if (await getActor()) redirect(callbackPath);
  return (
    <div className="mx-auto max-w-md px-4 py-16">
      <h1 className="font-serif text-3xl font-bold">{t("signin.title")}</h1>
      <p className="mt-2 text-slate-600">{t("signin.intro")}</p>
      {notice && (
        <p data-testid="signin-notice" className="mt-6 rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t(notice)}
        </p>
      )}
      <SignInForm callbackPath={callbackPath} />
    </div>
  );
}
