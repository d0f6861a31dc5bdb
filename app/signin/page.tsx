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

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { t } = await getTranslator();
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl);
  if (await getActor()) redirect(callbackPath);
  return (
    <div className="mx-auto max-w-md px-4 py-16">
      <h1 className="font-serif text-3xl font-bold">{t("signin.title")}</h1>
      <p className="mt-2 text-slate-600">{t("signin.intro")}</p>
      <SignInForm callbackPath={callbackPath} />
    </div>
  );
}
