"use client";
/** The staff-only discussion of a claim. Comments are plain text and rendered as text. */
import { useEffect, useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { LIMITS } from "@/lib/validation/fields";
import { addCommentAction, listCommentsAction } from "@/app/review/[slug]/actions";
import { LoadingNote } from "@/components/layout/loading";

interface Comment {
  id: string;
  body: string;
  author: string;
  createdAt: Date;
}

export function ClaimComments({ claimId }: { claimId: string }) {
  const { locale, t } = useI18n();
  const [comments, setComments] = useState<Comment[] | null>(null);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    let cancelled = false;
    listCommentsAction(claimId).then((result) => {
      if (cancelled) return;
      if (result.ok) setComments(result.data);
      else setError(result.message);
    });
    return () => {
      cancelled = true;
    };
  }, [claimId]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await addCommentAction({ claimId, body });
    setPending(false);
    if (!result.ok) {
      setError(result.fields?.body ? t("error.required") : result.message);
      return;
    }
    setComments((c) => [...(c ?? []), result.data]);
    setBody("");
    setError(null);
  }

  const time = new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="space-y-3" data-testid="comments">
      {comments === null ? (
        <LoadingNote label={t("loading")} />
      ) : comments.length === 0 ? (
        <p className="text-sm text-slate-500">{t("comments.empty")}</p>
      ) : (
        <ol className="space-y-2">
          {comments.map((c) => (
            <li key={c.id} className="rounded bg-slate-50 p-2 text-sm">
              <p className="text-xs text-slate-500">
                <span className="font-semibold text-slate-700">{c.author}</span> · {time.format(new Date(c.createdAt))}
              </p>
              <p className="mt-0.5 whitespace-pre-wrap break-words">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={submit} className="space-y-2">
        <label htmlFor={`comment-${claimId}`} className="sr-only">{t("comments.new")}</label>
        <textarea id={`comment-${claimId}`} value={body} onChange={(e) => setBody(e.target.value)} rows={2} maxLength={LIMITS.comment}
          placeholder={t("comments.new")} className="w-full rounded border border-slate-300 px-2 py-1.5 text-sm" />
        {error && <p role="status" className="text-xs text-red-700">{error}</p>}
        <button type="submit" disabled={pending || body.trim() === ""} className="rounded bg-ink px-3 py-1 text-xs font-semibold text-white disabled:opacity-50">
          {t("comments.post")}
        </button>
      </form>
    </div>
  );
}
