/**
 * CLI: print claim suggestions for an article text file as one JSON object.
 *
 *   npm run --silent suggest -- <article.txt>
 *
 * Output: { "language": "de" | "en" | null, "suggestions": [ { start, end, text, kind, reason, figures, claimant? } ] }
 * Offsets are UTF-16 offsets into the file's text as read (UTF-8 decoded, nothing stripped).
 * Errors (wrong arguments, missing/unreadable, empty or binary file) go to stderr with exit code 2.
 */
import { readFileSync, statSync } from "node:fs";
import { detectLanguage, suggestClaims } from "../lib/claim-detection/index";

function fail(message: string): never {
  process.stderr.write(`suggest: ${message}\nusage: npm run --silent suggest -- <article.txt>\n`);
  process.exit(2);
}

/** Read a UTF-8 text file, rejecting binaries (NUL bytes or invalid UTF-8) and empty files. */
function readText(file: string): string {
  let bytes: Buffer;
  try {
    if (!statSync(file).isFile()) fail(`not a regular file: ${file}`);
    bytes = readFileSync(file);
  } catch (e) {
    fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (bytes.includes(0)) fail(`${file} looks binary (contains NUL bytes)`);
  let text: string;
  try {
    // ignoreBOM keeps a BOM as U+FEFF, like readFileSync(file, "utf8"), so offsets match the text as read.
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    fail(`${file} is not valid UTF-8 text`);
  }
  if (text.trim() === "") fail(`${file} is empty`);
  return text;
}

const args = process.argv.slice(2).filter((a) => a !== "--");
if (args.length !== 1 || args[0].startsWith("-")) fail(args.length === 0 ? "missing <article.txt>" : `expected exactly one file argument, got: ${args.join(" ")}`);

const text = readText(args[0]);
const language = detectLanguage(text);
const suggestions = language ? suggestClaims(text, language) : [];

// `| head -c 3000` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => process.exit(e.code === "EPIPE" ? 0 : 1));
process.stdout.write(`${JSON.stringify({ language, suggestions }, null, 2)}\n`);
