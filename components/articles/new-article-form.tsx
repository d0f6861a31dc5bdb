"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useI18n } from "@/lib/i18n/client";
import { errorMessage, type MessageKey } from "@/lib/i18n/messages";
import { LIMITS } from "@/lib/validation/fields";
import { ARTICLE_LANGUAGES } from "@/lib/validation/article";
import type { FieldErrors } from "@/lib/validation/errors";
import { createArticleAction } from "@/app/articles/new/actions";

const inputClass = "mt-1 w-full rounded border border-slate-300 bg-white px-3 py-2 focus:border-accent aria-[invalid=true]:border-red-600";

export function NewArticleForm() {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = Object.fromEntries(["title", "sourceUrl", "publisher", "publishedAt", "language", "text"].map((k) => [k, String(form.get(k) ?? "")]));
    setPending(true);
    setMessage(null);
    const result = await createArticleAction(input).catch(() => null);
    if (result?.ok) {
      router.push(`/review/${result.data.slug}`);
      return;
    }
    setPending(false);
    setErrors(result?.ok === false ? (result.fields ?? {}) : {});
    setMessage(result?.ok === false && !result.fields ? result.message : result ? t("form.fixErrors") : t("error.generic"));
  }

  const field = (name: string, label: MessageKey, input: React.ReactNode) => (
    <div>
      <label htmlFor={name} className="block text-sm font-semibold">{t(label)}</label>
      {input}
      {errors[name] && <p id={`${name}-error`} className="mt-1 text-xs font-medium text-red-700">{errorMessage(t, errors[name])}</p>}
    </div>
  );
  const aria = (name: string) => ({ "aria-invalid": errors[name] ? true : undefined, "aria-describedby": errors[name] ? `${name}-error` : undefined });

  return (
    <form onSubmit={submit} noValidate className="mt-8 space-y-5 rounded-lg border border-rule bg-white p-6 shadow-sm">
      {message && <p role="status" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{message}</p>}
      {field("title", "article.title", <input id="title" name="title" maxLength={LIMITS.title} className={inputClass} {...aria("title")} />)}
      <div className="grid gap-5 sm:grid-cols-2">
        {field("sourceUrl", "article.sourceUrl", <input id="sourceUrl" name="sourceUrl" type="url" placeholder="https://" maxLength={LIMITS.url} className={inputClass} {...aria("sourceUrl")} />)}
        {field("publisher", "article.publisher", <input id="publisher" name="publisher" maxLength={LIMITS.name} className={inputClass} {...aria("publisher")} />)}
        {field("publishedAt", "article.publishedAt", <input id="publishedAt" name="publishedAt" type="date" className={inputClass} {...aria("publishedAt")} />)}
        {field(
          "language",
          "article.language",
          <select id="language" name="language" defaultValue={locale} className={inputClass} {...aria("language")}>
            {ARTICLE_LANGUAGES.map((l) => (
              <option key={l} value={l}>{t(`language.${l}`)}</option>
            ))}
          </select>,
        )}
      </div>
      {field("text", "article.text", <textarea id="text" name="text" rows={16} maxLength={LIMITS.articleText} className={`${inputClass} font-serif`} {...aria("text")} />)}
      <button type="submit" disabled={pending} className="rounded bg-accent px-5 py-2 font-semibold text-white hover:bg-[#163d6c] disabled:opacity-60">
        {pending ? t("article.saving") : t("article.save")}
      </button>
    </form>
  );
}
