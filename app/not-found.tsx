import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getTranslator();
  return (
    <div className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="font-serif text-3xl font-bold">{t("error.notFound")}</h1>
      <p className="mt-3 text-slate-600">{t("error.notFoundText")}</p>
      <Link href="/" className="mt-6 inline-block rounded bg-accent px-4 py-2 font-semibold text-white">
        {t("error.backHome")}
      </Link>
    </div>
  );
}
