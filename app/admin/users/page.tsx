import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/messages";
import { getActor } from "@/lib/server/actor";
import { AppError } from "@/lib/server/errors";
import { listUsers } from "@/lib/server/users";
import { UserAdmin } from "@/components/accounts/user-admin";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("users.title") };
}

async function usersOrRefuse(actor: Awaited<ReturnType<typeof getActor>>) {
  try {
    return await listUsers(actor);
  } catch (error) {
    // Not an admin: the page does not exist for them (the data layer has logged the refusal).
    if (error instanceof AppError && error.code === "FORBIDDEN") notFound();
    throw error;
  }
}

export default async function UsersPage() {
  const actor = await getActor();
  if (!actor) redirect("/signin?callbackUrl=%2Fadmin%2Fusers");
  const users = await usersOrRefuse(actor);
  const { locale, t } = await getTranslator();
  const rows = users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    disabled: u.disabledAt !== null,
    created: formatDate(u.createdAt, locale),
    isSelf: u.id === actor.id,
  }));
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <div className="border-b border-rule pb-6">
        <div className="max-w-2xl">
          <h1 className="font-serif text-4xl font-bold tracking-tight">{t("users.title")}</h1>
          <p className="mt-2 text-lg text-slate-600">{t("users.intro")}</p>
        </div>
      </div>
      <UserAdmin users={rows} />
    </div>
  );
}
