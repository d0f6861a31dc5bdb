"use client";
/**
 * A temporary password, shown once right after the server generated it. It lives only in this
 * component's state: a reload or "Done" makes it unrecoverable, by design.
 */
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { secondaryButton } from "./styles";

export function TemporaryPassword({ name, password, onDone }: { name: string; password: string; onDone: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
    } catch {
      // No clipboard permission (e.g. plain http): select the text so Ctrl+C works.
      const range = document.createRange();
      range.selectNodeContents(document.getElementById("temporary-password")!);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    }
  }

  return (
    <section aria-labelledby="temporary-password-title" className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-5" data-testid="temporary-password-panel">
      <h2 id="temporary-password-title" className="font-semibold text-amber-950">{t("users.tempPasswordTitle", { name })}</h2>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <code id="temporary-password" data-testid="temporary-password" className="select-all rounded border border-amber-300 bg-white px-3 py-2 font-mono text-lg tracking-wide text-ink">
          {password}
        </code>
        <button type="button" onClick={copy} className={secondaryButton}>
          {copied ? t("users.copied") : t("users.copy")}
        </button>
        <button type="button" onClick={onDone} className={secondaryButton}>
          {t("users.done")}
        </button>
      </div>
      <p className="mt-3 max-w-3xl text-sm text-amber-950">{t("users.tempPasswordHint", { name })}</p>
    </section>
  );
}
