import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslator } from "@/lib/i18n/server";
import { getActor } from "@/lib/server/actor";
import { ChangePasswordForm } from "@/components/accounts/change-password-form";
import { SignOutEverywhere } from "@/components/accounts/sign-out-everywhere";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("account.title") };
}

export default async function AccountPage() {
  const actor = await getActor();
  if (!actor) redirect("/signin?callbackUrl=%2Faccount");
  const { t } = await getTranslator();
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="font-serif text-4xl font-bold tracking-tight">{t("account.title")}</h1>
      <p className="mt-2 text-slate-600" data-testid="account-identity">
        {t("account.intro", { name: actor.name, email: actor.email, role: t(`role.${actor.role}`) })}
      </p>
      <ChangePasswordForm email={actor.email} />
      <SignOutEverywhere />
    </div>
  );
}
