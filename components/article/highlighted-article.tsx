/**
 * Renders an article's blocks with claim highlights. No hooks, so it renders on the server
 * (reader page) and in the client (review workspace) alike.
 *
 * Every piece of text sits in exactly one element carrying `data-start` (its offset in the
 * canonical text), so a DOM selection maps back to canonical offsets without counting nodes.
 */
import type { CSSProperties, ReactNode } from "react";
import type { PositionedBlock } from "@/lib/domain/article-text";
import { segmentText } from "@/lib/domain/text-segments";
import { VERDICT_SCALE, type Locale, type Verdict } from "@/lib/domain/verdicts";
import { translator } from "@/lib/i18n/messages";

export interface ArticleHighlight {
  id: string;
  start: number;
  end: number;
  verdict: Verdict;
  draft?: boolean;
  /** The words changed in a correction of the article (workspace only). */
  changed?: boolean;
}

interface Props {
  blocks: PositionedBlock[];
  highlights: ArticleHighlight[];
  locale: Locale;
  selectedId?: string | null;
  /**
   * Reader highlights are buttons in the tab order (Enter opens the card). In the workspace they
   * are plain marks, so a drag across them selects text; the claims panel is the keyboard path there.
   */
  focusable?: boolean;
  /** Claim suggestions to underline faintly (workspace only); claims take precedence where both cover text. */
  suggestions?: { id: string; start: number; end: number }[];
}

const SUGGESTION_PREFIX = "suggestion:";

export function HighlightedArticle({ blocks, highlights, locale, selectedId, focusable = true, suggestions = [] }: Props) {
  const t = translator(locale);
  const byId = new Map(highlights.map((h) => [h.id, h]));
  const firstSegment = new Map<string, number>();
  const lastSegment = new Map<string, number>();
  const ranges = [...highlights, ...suggestions.map((s) => ({ ...s, id: SUGGESTION_PREFIX + s.id }))];
  const segmentsPerBlock = blocks.map((block) => segmentText(block.text, block.start, ranges));
  for (const segments of segmentsPerBlock) {
    for (const s of segments) {
      for (const id of s.rangeIds) {
        if (!firstSegment.has(id)) firstSegment.set(id, s.start);
        lastSegment.set(id, s.start);
      }
    }
  }

  return (
    <>
      {blocks.map((block, i) => {
        const children: ReactNode[] = segmentsPerBlock[i].map((s) => {
          const topId = s.rangeIds.find((id) => !id.startsWith(SUGGESTION_PREFIX));
          const suggestionId = s.rangeIds.find((id) => id.startsWith(SUGGESTION_PREFIX));
          if (!topId && suggestionId) {
            return (
              <span key={s.start} data-start={s.start} data-suggestion-id={suggestionId.slice(SUGGESTION_PREFIX.length)} className="suggestion-mark">
                {s.text}
              </span>
            );
          }
          if (!topId) {
            return (
              <span key={s.start} data-start={s.start}>
                {s.text}
              </span>
            );
          }
          const h = byId.get(topId)!;
          const info = VERDICT_SCALE[h.verdict];
          const isFirst = firstSegment.get(topId) === s.start;
          const claimIds = s.rangeIds.filter((id) => !id.startsWith(SUGGESTION_PREFIX));
          // Every claim shows its verdict's glyph where it ends: the top one's and, in the same
          // badge, those of claims under it that end here too (the same words, or a longer passage).
          const glyphs = claimIds.filter((id) => lastSegment.get(id) === s.start).map((id) => VERDICT_SCALE[byId.get(id)!.verdict].glyph);
          const label = `${info.label[locale]}: ${s.text}${claimIds.length > 1 ? `. ${t("reader.othersHere")}: ${claimIds.length - 1}` : ""}`;
          return (
            <mark
              key={s.start}
              id={isFirst ? `claim-${topId}` : undefined}
              data-start={s.start}
              data-claim-id={topId}
              data-claim-ids={claimIds.join(" ")}
              data-verdict={h.verdict}
              data-glyph={glyphs.length > 0 ? glyphs.join(" ") : undefined}
              data-selected={selectedId === topId ? "true" : undefined}
              className={`claim-mark scroll-mt-24 text-inherit${h.draft ? " is-draft" : ""}${h.changed ? " is-changed" : ""}`}
              style={{ "--verdict": info.color, "--tint": info.tint } as CSSProperties}
              role={focusable ? "button" : undefined}
              tabIndex={focusable ? (isFirst ? 0 : -1) : undefined}
              aria-label={focusable ? label : undefined}
            >
              {s.text}
            </mark>
          );
        });
        const common = { "data-start": block.start, "data-block": block.kind } as const;
        switch (block.kind) {
          case "lead":
            return <p key={block.start} {...common} className="mb-6 text-xl font-medium leading-relaxed text-slate-800">{children}</p>;
          case "heading":
            return <h2 key={block.start} {...common} className="mb-3 mt-8 font-serif text-2xl font-bold leading-snug">{children}</h2>;
          case "caption":
            return <p key={block.start} {...common} className="my-6 border-l-4 border-rule pl-4 text-sm italic text-slate-600">{children}</p>;
          default:
            return <p key={block.start} {...common} className="mb-5 leading-[1.8]">{children}</p>;
        }
      })}
    </>
  );
}
