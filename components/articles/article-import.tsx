"use client";
/**
 * The add-article page's three ways in — pasted text, an HTML page, a URL — as tabs, and the
 * preview the HTML and URL ways lead to. All three end in the same article model.
 */
import { useRef, useState, type KeyboardEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import type { ImportPreview } from "@/lib/server/import";
import { NewArticleForm } from "./new-article-form";
import { HtmlImportForm, UrlImportForm } from "./source-forms";
import { ImportPreviewForm } from "./import-preview-form";

const TABS = ["text", "html", "url"] as const;
type Tab = (typeof TABS)[number];

export function ArticleImport({ canRevise }: { canRevise: boolean }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>("text");
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});

  if (preview) return <ImportPreviewForm preview={preview} canRevise={canRevise} onStartOver={() => setPreview(null)} />;

  // Arrow keys move between tabs (WAI-ARIA tabs pattern); only the selected tab is in the Tab order.
  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    const jump = { Home: 0, End: TABS.length - 1 }[event.key];
    if (step === undefined && jump === undefined) return;
    event.preventDefault();
    const next = TABS[jump ?? (TABS.indexOf(tab) + step! + TABS.length) % TABS.length];
    setTab(next);
    tabRefs.current[next]?.focus();
  }

  return (
    <div className="mt-8">
      <div role="tablist" aria-label={t("import.tabs")} className="flex gap-1 border-b border-rule">
        {TABS.map((id) => (
          <button
            key={id}
            ref={(el) => {
              tabRefs.current[id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
            onKeyDown={onKeyDown}
            className={`-mb-px rounded-t border px-4 py-2 text-sm font-medium ${tab === id ? "border-rule border-b-white bg-white text-ink" : "border-transparent text-slate-600 hover:text-ink"}`}
          >
            {t(`import.tab.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="mt-4">
        {tab === "text" && <NewArticleForm canRevise={canRevise} />}
        {tab === "html" && <HtmlImportForm onPreview={setPreview} />}
        {tab === "url" && <UrlImportForm onPreview={setPreview} />}
      </div>
    </div>
  );
}
