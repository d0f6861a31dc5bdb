"use client";
/**
 * Shown when an address was imported before: open the existing article, or — editors only —
 * store this import as a new revision of it. Never a silent second copy. A native modal
 * <dialog>, so focus stays inside it and Escape closes it.
 */
import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useI18n } from "@/lib/i18n/client";
import { formatDate } from "@/lib/i18n/messages";
import type { DuplicateArticle } from "@/lib/server/articles";
import { reviseArticleAction } from "@/app/articles/new/actions";
import { failureMessage, primaryButton, secondaryButton } from "./form-parts";
import { Spinner } from "@/components/layout/loading";

interface Props {
  duplicate: DuplicateArticle;
  canRevise: boolean;
  /** The article as entered (same fields as for adding it); sent with the existing slug and version. */
  reviseInput: Record<string, unknown>;
  onClose: () => void;
}

export function DuplicateDialog({ duplicate, canRevise, reviseInput, onClose }: Props) {
  const { locale, t } = useI18n();
  const router = useRouter();
  const ref = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  // No close() on unmount: removing the element ends the modal state, and a close() there would
  // fire onClose in React's development double-run of effects and dismiss the dialog at once.
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  async function revise() {
    setPending(true);
    setMessage(null);
    const result = await reviseArticleAction({ ...reviseInput, slug: duplicate.slug, expectedVersion: duplicate.version }).catch(() => null);
    if (result?.ok) {
      router.push(`/review/${result.data.slug}`);
      return;
    }
    setPending(false);
    setMessage(result?.code === "CONFLICT" ? t("import.duplicate.conflict") : failureMessage(t, result));
  }

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="duplicate-title"
      aria-describedby="duplicate-text"
      data-testid="duplicate-dialog"
      className="m-auto w-full max-w-lg rounded-lg border border-rule bg-white p-6 text-ink shadow-xl backdrop:bg-slate-900/40"
    >
      <h2 id="duplicate-title" className="font-serif text-2xl font-bold">
        {t("import.duplicate.title")}
      </h2>
      <p id="duplicate-text" className="mt-3 text-slate-700">
        {t("import.duplicate.text", { title: duplicate.title, version: duplicate.version, date: formatDate(new Date(duplicate.createdAt), locale) })}
      </p>
      {message && (
        <p role="status" className="mt-4 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
      <div className="mt-6 flex flex-wrap gap-2">
        <Link href={`/review/${duplicate.slug}`} className={primaryButton}>
          {t("import.duplicate.open")}
        </Link>
        {canRevise && (
          <button type="button" onClick={revise} disabled={pending} className={secondaryButton}>
            {pending && <Spinner />}
            {pending ? t("import.duplicate.revising") : t("import.duplicate.revise")}
          </button>
        )}
        <button type="button" onClick={() => ref.current?.close()} className={secondaryButton}>
          {t("import.duplicate.close")}
        </button>
      </div>
      <p className="mt-4 text-sm text-slate-600" data-testid={canRevise ? "revise-help" : "ask-editor"}>
        {canRevise ? t("import.duplicate.reviseHelp") : t("import.duplicate.askEditor")}
      </p>
    </dialog>
  );
}
