"use client";
/**
 * The text tab of the add-article page: title, address, publisher, date, language and pasted
 * text, saved directly. A whole page capture may be pasted too (its first line is then the
 * title if the field is left empty; see lib/import/blocks.ts). An address imported before
 * opens the duplicate dialog.
 */
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useI18n } from "@/lib/i18n/client";
import { LIMITS } from "@/lib/validation/fields";
import { ARTICLE_LANGUAGES } from "@/lib/validation/article";
import type { FieldErrors } from "@/lib/validation/errors";
import type { DuplicateArticle } from "@/lib/server/articles";
import { createArticleAction } from "@/app/articles/new/actions";
import { DuplicateDialog } from "./duplicate-dialog";
import { Field, duplicateOf, fieldAria, inputClass, primaryButton } from "./form-parts";

const FIELDS = ["title", "sourceUrl", "publisher", "publishedAt", "language", "text"] as const;

export function NewArticleForm({ canRevise }: { canRevise: boolean }) {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [language, setLanguage] = useState<string>(locale);
  const [duplicate, setDuplicate] = useState<{ article: DuplicateArticle; input: Record<string, string> } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = Object.fromEntries(FIELDS.map((k) => [k, String(form.get(k) ?? "")]));
    setPending(true);
    setMessage(null);
    const result = await createArticleAction(input).catch(() => null);
    if (result?.ok) {
      router.push(`/review/${result.data.slug}`);
      return;
    }
    setPending(false);
    const existing = result?.ok === false ? duplicateOf(result) : null;
    if (existing) {
      setErrors({});
      setDuplicate({ article: existing, input });
      return;
    }
    setErrors(result?.ok === false ? (result.fields ?? {}) : {});
    setMessage(result?.ok === false && !result.fields ? result.message : result ? t("form.fixErrors") : t("error.generic"));
  }

  const field = (name: string, label: Parameters<typeof t>[0], input: React.ReactNode, hint?: React.ReactNode) => (
    <Field name={name} label={t(label)} errors={errors} t={t} hint={hint}>
      {input}
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate className="space-y-5 rounded-lg border border-rule bg-white p-6 shadow-sm">
      <div className="space-y-1 text-sm text-slate-600">
        <p>{t("article.newIntro")}</p>
        <p>{t("import.text.captureHint")}</p>
      </div>
      {message && <p role="status" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{message}</p>}
      {field("title", "article.title", <input id="title" name="title" maxLength={LIMITS.title} className={inputClass} {...fieldAria("title", errors)} />)}
      <div className="grid gap-5 sm:grid-cols-2">
        {field("sourceUrl", "article.sourceUrl", <input id="sourceUrl" name="sourceUrl" type="url" placeholder="https://" maxLength={LIMITS.url} className={inputClass} {...fieldAria("sourceUrl", errors)} />)}
        {field("publisher", "article.publisher", <input id="publisher" name="publisher" maxLength={LIMITS.name} className={inputClass} {...fieldAria("publisher", errors)} />)}
        {field("publishedAt", "article.publishedAt", <input id="publishedAt" name="publishedAt" type="date" className={inputClass} {...fieldAria("publishedAt", errors)} />)}
        {field(
          "language",
          "article.language",
          <select id="language" name="language" value={language} onChange={(e) => setLanguage(e.target.value)} className={inputClass} {...fieldAria("language", errors)}>
            {ARTICLE_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>,
          language === "other" && <p className="mt-1 text-xs text-amber-800">{t("import.otherLanguage")}</p>,
        )}
      </div>
      {field("text", "article.text", <textarea id="text" name="text" rows={16} maxLength={LIMITS.articleText} className={`${inputClass} font-serif`} {...fieldAria("text", errors)} />)}
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? t("article.saving") : t("article.save")}
      </button>
      {duplicate && <DuplicateDialog duplicate={duplicate.article} canRevise={canRevise} reviseInput={duplicate.input} onClose={() => setDuplicate(null)} />}
    </form>
  );
}
