"use client";
/**
 * The preview of an HTML or URL import: every extracted field editable, the text as paragraphs
 * separated by blank lines. Saving sends the extracted blocks along, so headings and captions
 * keep their kind (lib/import/blocks.ts#reconcileBlocks). An address imported before opens the
 * duplicate dialog straight away, and again on saving.
 */
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/messages";
import { LIMITS } from "@/lib/validation/fields";
import { ARTICLE_LANGUAGES } from "@/lib/validation/article";
import type { FieldErrors } from "@/lib/validation/errors";
import type { ImportPreview } from "@/lib/server/import";
import type { DuplicateArticle } from "@/lib/server/articles";
import { createArticleAction } from "@/app/articles/new/actions";
import { DuplicateDialog } from "./duplicate-dialog";
import { Field, StatusBox, duplicateOf, failureMessage, fieldAria, inputClass, primaryButton, secondaryButton } from "./form-parts";

type Values = Pick<ImportPreview, "title" | "sourceUrl" | "publisher" | "publishedAt" | "language" | "byline" | "text">;

interface Props {
  preview: ImportPreview;
  canRevise: boolean;
  onStartOver: () => void;
}

export function ImportPreviewForm({ preview, canRevise, onStartOver }: Props) {
  const { t } = useI18n();
  const router = useRouter();
  const [values, setValues] = useState<Values>(() => {
    const { title, sourceUrl, publisher, publishedAt, language, byline, text } = preview;
    return { title, sourceUrl, publisher, publishedAt, language, byline, text };
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [duplicate, setDuplicate] = useState<DuplicateArticle | null>(preview.duplicate);

  const input = { ...values, detectedBlocks: preview.blocks };
  const set = (name: keyof Values) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));
  const count = (kind: string) => preview.blocks.filter((b) => b.kind === kind).length;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setMessage(null);
    const result = await createArticleAction(input).catch(() => null);
    if (result?.ok) {
      router.push(`/review/${result.data.slug}`);
      return;
    }
    setPending(false);
    const existing = result?.ok === false ? duplicateOf(result) : null;
    if (existing) return setDuplicate(existing);
    setErrors(result?.ok === false ? (result.fields ?? {}) : {});
    setMessage(result?.ok === false && result.fields ? t("form.fixErrors") : failureMessage(t, result?.ok === false ? result : null));
  }

  const field = (name: keyof Values, label: MessageKey, control: React.ReactNode, hint?: React.ReactNode) => (
    <Field name={name} label={t(label)} errors={errors} t={t} hint={hint}>
      {control}
    </Field>
  );
  const text = (name: keyof Values, max: number, type = "text") => (
    <input id={name} name={name} type={type} value={values[name]} onChange={set(name)} maxLength={max} className={inputClass} {...fieldAria(name, errors)} />
  );

  return (
    <form onSubmit={save} noValidate className="mt-8 space-y-5 rounded-lg border border-rule bg-white p-6 shadow-sm" data-testid="import-preview">
      <div>
        <h2 className="font-serif text-2xl font-bold">{t("import.preview.title")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("import.preview.intro")}</p>
      </div>
      <StatusBox message={message} />
      {field("title", "article.title", text("title", LIMITS.title))}
      <div className="grid gap-5 sm:grid-cols-2">
        {field("sourceUrl", "article.sourceUrl", text("sourceUrl", LIMITS.url, "url"))}
        {field("publisher", "article.publisher", text("publisher", LIMITS.name))}
        {field("publishedAt", "article.publishedAt", text("publishedAt", 10, "date"))}
        {field(
          "language",
          "article.language",
          <select id="language" name="language" value={values.language} onChange={set("language")} className={inputClass} {...fieldAria("language", errors)}>
            {ARTICLE_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>,
          values.language === "other" && (
            <p className="mt-1 text-xs text-amber-800" data-testid="no-suggestions">
              {t("import.otherLanguage")}
            </p>
          ),
        )}
        {field("byline", "import.preview.byline", text("byline", LIMITS.name))}
      </div>
      {field(
        "text",
        "article.text",
        <textarea id="text" name="text" rows={18} value={values.text} onChange={set("text")} maxLength={LIMITS.articleText} className={`${inputClass} font-serif leading-relaxed`} {...fieldAria("text", errors)} />,
        <p className="mt-1 text-xs text-slate-500">{t("import.preview.structure", { paragraphs: count("paragraph") + count("lead"), headings: count("heading"), captions: count("caption") })}</p>,
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? t("article.saving") : t("article.save")}
        </button>
        <button type="button" onClick={onStartOver} disabled={pending} className={secondaryButton}>
          {t("import.preview.startOver")}
        </button>
      </div>
      {duplicate && <DuplicateDialog duplicate={duplicate} canRevise={canRevise} reviseInput={input} onClose={() => setDuplicate(null)} />}
    </form>
  );
}
