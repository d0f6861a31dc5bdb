"use client";
/**
 * The claim form: claim as checked, claimant, verdict, rationale, sources. Validation happens
 * on the server; its field errors are shown next to the fields and the input stays as typed.
 */
import { useId, useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { errorMessage, type MessageKey } from "@/lib/i18n/messages";
import { VERDICTS, VERDICT_SCALE, type Verdict } from "@/lib/domain/verdicts";
import { LIMITS } from "@/lib/validation/fields";
import { SOURCE_STANCES } from "@/lib/validation/claim";
import type { FieldErrors } from "@/lib/validation/errors";

export interface SourceDraft {
  url: string;
  title: string;
  publisher: string;
  publishedAt: string;
  excerpt: string;
  stance: (typeof SOURCE_STANCES)[number];
}

export interface ClaimDraft {
  claimText: string;
  claimant: string;
  verdict: Verdict | "";
  rationale: string;
  sources: SourceDraft[];
}

/** What the server says when someone else saved in between (see lib/server/claim-mutation.ts). */
export interface ConflictInfo {
  by: string | null;
  at: string;
  changes: { field: string; from: unknown; to: unknown }[];
  current: Omit<ClaimDraft, "verdict" | "sources"> & {
    verdict: Verdict;
    version: number;
    sources: (Omit<SourceDraft, "publishedAt"> & { publishedAt: string | null })[];
  };
}

export const EMPTY_SOURCE: SourceDraft = { url: "", title: "", publisher: "", publishedAt: "", excerpt: "", stance: "SUPPORTS" };

export type SubmitResult = { ok: true } | { ok: false; message: string; fields?: FieldErrors; conflict?: ConflictInfo };

interface Props {
  title: string;
  quote: string;
  initial: ClaimDraft;
  /** Saves the draft; `baseVersion` overrides the version the edit started from (after a conflict). */
  onSubmit: (draft: ClaimDraft, baseVersion?: number) => Promise<SubmitResult>;
  onCancel: () => void;
}

const inputClass = "mt-1 w-full rounded border border-slate-300 bg-white px-2.5 py-1.5 text-sm focus:border-accent aria-[invalid=true]:border-red-600";

export function ClaimForm({ title, quote, initial, onSubmit, onCancel }: Props) {
  const { locale, t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<ClaimDraft>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);

  const set = <K extends keyof ClaimDraft>(key: K, value: ClaimDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setSource = (i: number, patch: Partial<SourceDraft>) =>
    setDraft((d) => ({ ...d, sources: d.sources.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));

  async function save(baseVersion?: number) {
    setPending(true);
    setMessage(null);
    const result: SubmitResult = await onSubmit(draft, baseVersion).catch(() => ({ ok: false, message: t("error.generic") }));
    setPending(false);
    if (!result.ok) {
      setErrors(result.fields ?? {});
      setConflict(result.conflict ?? null);
      setMessage(result.conflict ? null : result.fields && Object.keys(result.fields).length > 0 ? t("form.fixErrors") : result.message);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(conflict?.current.version);
  }

  function takeTheirs(theirs: ConflictInfo["current"]) {
    setDraft({ claimText: theirs.claimText, claimant: theirs.claimant, verdict: theirs.verdict, rationale: theirs.rationale, sources: theirs.sources.map((s) => ({ ...s, publishedAt: s.publishedAt ?? "" })) });
    setConflict(null);
  }

  const fieldError = (path: string) =>
    errors[path] ? (
      <p id={`${id}-${path}-error`} className="mt-1 text-xs font-medium text-red-700" data-testid={`error-${path}`}>
        {errorMessage(t, errors[path])}
      </p>
    ) : null;
  const invalid = (path: string) => ({
    "aria-invalid": errors[path] ? true : undefined,
    "aria-describedby": errors[path] ? `${id}-${path}-error` : undefined,
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-labelledby={`${id}-title`} data-testid="claim-form">
      <h2 id={`${id}-title`} className="font-serif text-xl font-bold">{title}</h2>
      <blockquote className="rounded border-l-4 border-accent bg-slate-50 px-3 py-2 text-sm italic text-slate-700">
        <span className="sr-only">{t("workspace.passage")}: </span>„{quote}“
      </blockquote>
      {fieldError("passage")}
      {message && (
        <p role="status" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="form-message">
          {message}
        </p>
      )}
      {conflict && (
        <div role="status" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950" data-testid="conflict">
          <p className="font-semibold">
            {t("conflict.title", { name: conflict.by ?? t("conflict.someone"), time: new Date(conflict.at).toLocaleTimeString(locale === "de" ? "de-DE" : "en-GB", { hour: "2-digit", minute: "2-digit" }) })}
          </p>
          <p>{t("conflict.theirChanges")}</p>
          <ul className="list-inside list-disc text-xs">
            {conflict.changes.filter((c) => c.field in draft).map((c) => (
              <li key={c.field}>
                {t(`field.${c.field}` as MessageKey)}: <del>{typeof c.from === "string" ? c.from : JSON.stringify(c.from)}</del> → <strong>{typeof c.to === "string" ? c.to : JSON.stringify(c.to)}</strong>
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap gap-2">
            <button type="button" onClick={() => void save(conflict.current.version)} className="rounded bg-amber-700 px-3 py-1 text-xs font-semibold text-white">{t("conflict.keepMine")}</button>
            <button type="button" onClick={() => takeTheirs(conflict.current)} className="rounded border border-amber-700 px-3 py-1 text-xs font-semibold">{t("conflict.takeTheirs")}</button>
          </div>
        </div>
      )}

      <div>
        <label htmlFor={`${id}-claimText`} className="block text-sm font-semibold">{t("form.claimText")}</label>
        <p className="text-xs text-slate-500">{t("form.claimTextHelp")}</p>
        <textarea id={`${id}-claimText`} name="claimText" rows={3} maxLength={LIMITS.claimText} value={draft.claimText}
          onChange={(e) => set("claimText", e.target.value)} className={inputClass} {...invalid("claimText")} />
        {fieldError("claimText")}
      </div>

      <div>
        <label htmlFor={`${id}-claimant`} className="block text-sm font-semibold">{t("form.claimant")}</label>
        <p className="text-xs text-slate-500">{t("form.claimantHelp")}</p>
        <input id={`${id}-claimant`} name="claimant" maxLength={LIMITS.name} value={draft.claimant}
          onChange={(e) => set("claimant", e.target.value)} className={inputClass} {...invalid("claimant")} />
        {fieldError("claimant")}
      </div>

      <fieldset {...invalid("verdict")}>
        <legend className="text-sm font-semibold">{t("form.verdict")}</legend>
        <div className="mt-1 grid grid-cols-2 gap-1.5">
          {VERDICTS.map((v) => {
            const info = VERDICT_SCALE[v];
            const checked = draft.verdict === v;
            return (
              <label key={v} className="flex cursor-pointer items-center gap-2 rounded border px-2 py-1.5 text-sm has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent"
                style={{ borderColor: checked ? info.color : "#cbd5e1", background: checked ? info.tint : "white" }}>
                <input type="radio" name="verdict" value={v} checked={checked} onChange={() => set("verdict", v)} className="sr-only" />
                <span aria-hidden className="inline-flex h-5 w-5 items-center justify-center rounded-full text-xs font-bold text-white" style={{ background: info.color }}>
                  {info.glyph}
                </span>
                {info.label[locale]}
              </label>
            );
          })}
        </div>
        {fieldError("verdict")}
      </fieldset>

      <div>
        <label htmlFor={`${id}-rationale`} className="block text-sm font-semibold">{t("form.rationale")}</label>
        <textarea id={`${id}-rationale`} name="rationale" rows={5} maxLength={LIMITS.rationale} value={draft.rationale}
          onChange={(e) => set("rationale", e.target.value)} className={inputClass} {...invalid("rationale")} />
        {fieldError("rationale")}
      </div>

      <fieldset>
        <legend className="text-sm font-semibold">{t("form.sources")}</legend>
        {fieldError("sources")}
        <ol className="mt-1 space-y-3">
          {draft.sources.map((source, i) => {
            const p = (field: string) => `sources.${i}.${field}`;
            const fid = (field: string) => `${id}-s${i}-${field}`;
            return (
              <li key={i} className="rounded border border-rule bg-slate-50 p-3" data-testid={`source-${i}`}>
                <div className="flex items-center justify-between">
                  <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("form.source", { n: i + 1 })}</span>
                  {draft.sources.length > 1 && (
                    <button type="button" className="text-xs text-red-700 underline" onClick={() => set("sources", draft.sources.filter((_, j) => j !== i))}>
                      {t("form.removeSource", { n: i + 1 })}
                    </button>
                  )}
                </div>
                <label htmlFor={fid("url")} className="mt-2 block text-xs font-medium">{t("form.sourceUrl")}</label>
                <input id={fid("url")} type="url" inputMode="url" placeholder="https://" maxLength={LIMITS.url} value={source.url}
                  onChange={(e) => setSource(i, { url: e.target.value })} className={inputClass} {...invalid(p("url"))} />
                {fieldError(p("url"))}
                <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
                  <div>
                    <label htmlFor={fid("title")} className="block text-xs font-medium">{t("form.sourceTitle")}</label>
                    <input id={fid("title")} maxLength={LIMITS.title} value={source.title} onChange={(e) => setSource(i, { title: e.target.value })}
                      className={inputClass} {...invalid(p("title"))} />
                    {fieldError(p("title"))}
                  </div>
                  <div>
                    <label htmlFor={fid("publisher")} className="block text-xs font-medium">{t("form.sourcePublisher")}</label>
                    <input id={fid("publisher")} maxLength={LIMITS.name} value={source.publisher} onChange={(e) => setSource(i, { publisher: e.target.value })}
                      className={inputClass} {...invalid(p("publisher"))} />
                    {fieldError(p("publisher"))}
                  </div>
                  <div>
                    <label htmlFor={fid("publishedAt")} className="block text-xs font-medium">{t("form.sourceDate")}</label>
                    <input id={fid("publishedAt")} type="date" value={source.publishedAt} onChange={(e) => setSource(i, { publishedAt: e.target.value })}
                      className={inputClass} {...invalid(p("publishedAt"))} />
                    {fieldError(p("publishedAt"))}
                  </div>
                  <div>
                    <label htmlFor={fid("stance")} className="block text-xs font-medium">{t("form.sourceStance")}</label>
                    <select id={fid("stance")} value={source.stance} onChange={(e) => setSource(i, { stance: e.target.value as SourceDraft["stance"] })}
                      className={inputClass}>
                      {SOURCE_STANCES.map((s) => (
                        <option key={s} value={s}>{t(`stance.${s}` as MessageKey)}</option>
                      ))}
                    </select>
                  </div>
                </div>
                <label htmlFor={fid("excerpt")} className="mt-2 block text-xs font-medium">{t("form.sourceExcerpt")}</label>
                <textarea id={fid("excerpt")} rows={2} maxLength={LIMITS.excerpt} value={source.excerpt} onChange={(e) => setSource(i, { excerpt: e.target.value })}
                  className={inputClass} {...invalid(p("excerpt"))} />
                {fieldError(p("excerpt"))}
              </li>
            );
          })}
        </ol>
        {draft.sources.length < LIMITS.sources && (
          <button type="button" onClick={() => set("sources", [...draft.sources, { ...EMPTY_SOURCE }])}
            className="mt-2 rounded border border-dashed border-slate-400 px-3 py-1 text-sm text-slate-700 hover:bg-slate-50">
            + {t("form.addSource")}
          </button>
        )}
      </fieldset>

      <div className="sticky bottom-0 flex gap-2 border-t border-rule bg-white py-3">
        <button type="submit" disabled={pending} className="rounded bg-accent px-4 py-2 text-sm font-semibold text-white hover:bg-[#163d6c] disabled:opacity-60">
          {pending ? t("form.saving") : t("form.save")}
        </button>
        <button type="button" onClick={onCancel} className="rounded border border-rule px-4 py-2 text-sm">
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}
