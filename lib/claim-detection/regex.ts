/**
 * Small text helpers shared by the rule modules.
 *
 * JavaScript's `\b` only knows ASCII word characters, so "\büber" never
 * matches after a space: rules are written with `\b` for readability and
 * converted by `unicodeWords`. The line helpers avoid `$`-anchored regexes on
 * whole-text prefixes, which made long articles quadratic.
 */

const UNICODE_BOUNDARY = "(?:(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}])|(?<=[\\p{L}\\p{N}])(?![\\p{L}\\p{N}]))";

/** Copy of `re` with every `\b` replaced by a Unicode letter/number boundary (adds the `u` flag). */
export function unicodeWords(re: RegExp): RegExp {
  const source = re.source.replace(/(?<!\\)\\b/g, UNICODE_BOUNDARY);
  const flags = re.flags.includes("u") ? re.flags : `${re.flags}u`;
  return new RegExp(source, flags);
}

/** Only spaces/tabs between the previous line break (or text start) and `index`. */
export function atLineStart(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    if (text[i] === "\n") return true;
    if (text[i] !== " " && text[i] !== "\t" && text[i] !== "\r") return false;
  }
  return true;
}

/** Only spaces/tabs between `index` and the next line break (or text end). */
export function atLineEnd(text: string, index: number): boolean {
  for (let i = index; i < text.length; i++) {
    if (text[i] === "\n") return true;
    if (text[i] !== " " && text[i] !== "\t" && text[i] !== "\r") return false;
  }
  return true;
}
