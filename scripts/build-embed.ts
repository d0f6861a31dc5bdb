/**
 * Builds the embeddable overlay: embed/main.ts → public/embed.js (esbuild: bundled, minified,
 * ES2020, IIFE — no module loader and no globals on the host page but the overlay's own
 * namespace). Prints the raw and gzipped size against the 25 KB budget and exits 1 above it.
 *
 * The anchoring worker (lib/anchoring/anchor-worker-entry.ts) is bundled first, on its own, and
 * put into embed.js as a string constant (ANCHOR_WORKER_SOURCE_DEFINE): a worker script must come
 * from the host page's origin, so the overlay starts it from a blob: URL made of that string
 * (lib/anchoring/dom/anchor-client.ts). It counts towards the budget, being part of embed.js.
 *
 *   npx tsx scripts/build-embed.ts        (npm run build:embed; runs before `next build` as prebuild)
 *
 * public/embed.js is generated: not committed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";

export const EMBED_ENTRY = "embed/main.ts";
export const EMBED_OUTPUT = "public/embed.js";
export const EMBED_BUDGET_BYTES = 25 * 1024;

/** The name under which embed.js (and the highlights benchmark's page) sees the worker's bundled source. */
export const ANCHOR_WORKER_SOURCE_DEFINE = "__FACTCHECK_ANCHOR_WORKER__";

/** One self-contained, minified script for any browser the overlay supports: the overlay and its worker alike. */
const BROWSER_BUNDLE = {
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  platform: "browser",
  legalComments: "none",
  charset: "utf8",
  write: false,
} as const;

/** Bundles the anchoring worker (same settings as the overlay) and returns its code. */
export async function buildAnchorWorker(): Promise<string> {
  const result = await build({
    entryPoints: ["lib/anchoring/anchor-worker-entry.ts"],
    ...BROWSER_BUNDLE,
    logLevel: "warning",
  });
  return result.outputFiles[0].text;
}

/** Bundles the overlay and returns its code (written to `outfile` unless null), esbuild's metafile and the worker's source inside it. */
export async function buildEmbed(outfile: string | null = EMBED_OUTPUT): Promise<{ code: string; metafile: Metafile; workerSource: string }> {
  const workerSource = await buildAnchorWorker();
  const result = await build({
    entryPoints: [EMBED_ENTRY],
    define: { [ANCHOR_WORKER_SOURCE_DEFINE]: JSON.stringify(workerSource) },
    ...BROWSER_BUNDLE,
    metafile: true,
    logLevel: "warning",
  });
  const code = `/* Fact-check overlay — embed.js. Source: embed/ (built by scripts/build-embed.ts) */\n${result.outputFiles[0].text}`;
  if (outfile) {
    mkdirSync(path.dirname(outfile), { recursive: true });
    writeFileSync(outfile, code);
  }
  return { code, metafile: result.metafile, workerSource };
}

export function gzipSize(code: string | Buffer): number {
  return gzipSync(code, { level: 9 }).length;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const { code } = await buildEmbed();
  const gz = gzipSize(code);
  const ok = gz <= EMBED_BUDGET_BYTES;
  console.log(`${EMBED_OUTPUT}: ${kb(Buffer.byteLength(code))} minified, ${kb(gz)} gzipped (budget ${kb(EMBED_BUDGET_BYTES)}: ${ok ? "within" : "EXCEEDED"})`);
  if (!ok) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
