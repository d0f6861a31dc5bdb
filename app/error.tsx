"use client";
import { useI18n } from "@/lib/i18n/client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const { t } = useI18n();
  return (
    <div className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="font-serif text-3xl font-bold">{t("error.generic")}</h1>
      <button type="button" onClick={reset} className="mt-6 rounded bg-accent px-4 py-2 font-semibold text-white">
        ↻
      </button>
    </div>
  );
}
