/**
 * Tunable numbers of the anchoring engine, each with the reason for its value. They are
 * deliberately conservative: an orphaned claim costs a fact-checker one re-attachment, a claim
 * silently attached to the wrong words costs trust in every claim.
 */

/** Errors allowed per quote character in approximate search: a quarter of a quote may change
 * (a corrected figure, an inserted "nicht ") and it is still the same quote; beyond that the
 * sentence was rewritten and a human should re-attach the claim. */
export const MAX_ERROR_RATE = 0.25;

/** Quotes shorter than this are only ever matched exactly: one error in "2000" or "USA" is a
 * different word, not an edited one. */
export const MIN_FUZZY_QUOTE_LENGTH = 5;

/** Absolute cap on the error budget, bounding search cost for very long quotes (the bit-parallel
 * search costs O(errors / 32) per text character). A 512+ character quote with more than 128
 * edits is better re-attached by hand. */
export const MAX_ERRORS = 128;

/** Quotes shorter than this are "short": their own characters say little ("2000", "nicht",
 * "die USA" occur anywhere), so a match away from the exact expected position needs stronger
 * context ({@link MIN_CONTEXT_SHORT}). */
export const SHORT_QUOTE_LENGTH = 16;

/** Quotes at least this long are self-evidencing near their expected position: 32+ characters
 * found there verbatim (or ≥ 90 % identical) are the same words even if the surrounding text
 * was rewritten. 32 is also the stored context length. (Far away, even a long quote needs its
 * context: its own passage may be gone and a repeated copy left.) */
export const LONG_QUOTE_LENGTH = 32;

/** Context similarity (0–1, over stored prefix + suffix) needed to accept a verbatim copy at or
 * near the expected position (short quotes: {@link MIN_CONTEXT_SHORT}, unless exactly at it):
 * half of the 64 context characters must still fit. Only guards against a quote that is there
 * by coincidence after its real passage was deleted. */
export const MIN_CONTEXT_EXACT = 0.5;

/** Context similarity needed to accept an approximate match near the expected position. The
 * quote itself is already known to differ, so most of the context must agree; 1 % random edits
 * leave ~0.99, a rewritten neighbourhood leaves < 0.6. */
export const MIN_CONTEXT_FUZZY = 0.7;

/** Context similarity needed for a short quote found anywhere but exactly at the expected
 * position, verbatim or not: its few characters carry little evidence of their own, so the
 * context must be nearly intact (at most ~9 of 64 context characters differ). */
export const MIN_CONTEXT_SHORT = 0.85;

/** Quote similarity (1 - errors / length) at which a long quote near its expected place is
 * accepted even when its context was rewritten (see {@link LONG_QUOTE_LENGTH}). */
export const MIN_QUOTE_SIMILARITY_LONG = 0.9;

/** Context similarity needed for anything found far from the expected position (the whole-text
 * search): position no longer vouches for the match, so the context must. */
export const MIN_CONTEXT_FAR = 0.8;

/** Near the expected position, two candidates whose scores differ by less than this are a tie,
 * and a tie is orphaned rather than guessed (one differing character in 64 context characters
 * is ~0.006 of score; a repeated sentence with different neighbours differs by far more). Far
 * away it is also the slack within which a winner's context counts as "no worse" (~3 of 64
 * context characters). */
export const TIE_MARGIN = 0.05;

/** Far from the expected position the winner must be clearly better than any other location:
 * e.g. a verbatim copy whose neighbourhood was rewritten (score ~0.8) against an edited
 * look-alike with intact context in templated text (~0.93) is not a choice but a tie. 0.15 is
 * about a quarter of the quote or 40 % of the context. */
export const FAR_TIE_MARGIN = 0.15;

/** A tie between candidates near the expected position is broken by distance only when the
 * nearest is within NEAR_RADIUS of it and the next one is at least this many characters further
 * away: an edited repeated sentence next to its verbatim twin, not two look-alikes in a list. */
export const POSITION_TIE_GAP = 32;

/** Windows searched around the expected position, in order: a few characters (shifted by nearby
 * edits), then a paragraph (earlier insertions or deletions). The small one first: it is
 * cheapest, and a candidate within a few characters is judged without rivals further away. */
export const NEAR_RADIUS = 16;
export const LOCAL_RADIUS = 256;

/** An edited match near the expected position yields to step 3 when a verbatim copy within this
 * distance fits the context better: a claim displaced by a deleted or inserted sentence or
 * paragraph next to it, rather than edited. Further away, a verbatim twin is more likely a
 * repeated sentence than the claim itself, and the position is trusted. */
export const RIVAL_RADIUS = 1024;

/** At most this many distinct candidate locations are verified per window (nearest first). */
export const MAX_CANDIDATES = 32;

/** A quote with more locations than this in the whole text (within its error budget) cannot be
 * placed without its position; such claims are orphaned instead of verifying every location. */
export const MAX_FAR_LOCATIONS = 256;

/** Weights of quote and context similarity in the reported score. The quote dominates, because
 * it is what the claim is about; the context decides between copies. */
export const QUOTE_WEIGHT = 0.6;
export const CONTEXT_WEIGHT = 0.4;

/** Extra diagonal freedom when aligning context + quote around an approximate match, on top
 * of the match's own error count: room for a few insertions or deletions in the context. */
export const ALIGN_BAND = 6;

/** Stored prefix/suffix characters used (stored selectors have 32; longer input is cut so that
 * verification stays O(quote) per candidate). */
export const MAX_CONTEXT_CHARS = 64;
