/**
 * Splits a block of text into segments at every highlight boundary, so a renderer can wrap
 * each segment once and overlapping highlights stay separately clickable.
 */

export interface HighlightRange {
  id: string;
  start: number;
  end: number;
}

export interface TextSegment {
  start: number;
  end: number;
  text: string;
  /** Ids of the ranges covering this segment, shortest range first (the one a click selects). */
  rangeIds: string[];
}

/**
 * @param text - the block's text
 * @param offset - where the block starts in the canonical text (ranges are in canonical offsets)
 * @param ranges - highlight ranges; those outside the block are ignored
 */
export function segmentText(text: string, offset: number, ranges: readonly HighlightRange[]): TextSegment[] {
  const blockEnd = offset + text.length;
  const inside = ranges
    .filter((r) => r.end > offset && r.start < blockEnd && r.end > r.start)
    .map((r) => ({ id: r.id, start: Math.max(r.start, offset), end: Math.min(r.end, blockEnd), length: r.end - r.start }));

  const cuts = new Set<number>([offset, blockEnd]);
  for (const r of inside) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);

  const segments: TextSegment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    const covering = inside
      .filter((r) => r.start <= start && r.end >= end)
      .sort((a, b) => a.length - b.length || a.start - b.start)
      .map((r) => r.id);
    segments.push({ start, end, text: text.slice(start - offset, end - offset), rangeIds: covering });
  }
  return segments;
}
