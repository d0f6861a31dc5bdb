/**
 * Builds the embeddable overlay: embed/main.ts → public/embed.js (esbuild: bundled, minified,
 * ES2020, IIFE — no module loader and no globals on the host page but the overlay's own
 * namespace). Prints the raw and gzipped size against the 25 KB budget and exits 1 above it.
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

/** Bundles the overlay and returns its code (written to `outfile` unless null) and esbuild's metafile. */
export async function buildEmbed(outfile: string | null = EMBED_OUTPUT): Promise<{ code: string; metafile: Metafile }> {
  const result = await build({
    entryPoints: [EMBED_ENTRY],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    platform: "browser",
    legalComments: "none",
    charset: "utf8",
    write: false,
    metafile: true,
    logLevel: "warning",
  });
  const code = `/* Fact-check overlay — embed.js. Source: embed/ (built by scripts/build-embed.ts) */\n${result.outputFiles[0].text}`;
  if (outfile) {
    mkdirSync(path.dirname(outfile), { recursive: true });
    writeFileSync(outfile, code);
  }
  return { code, metafile: result.metafile };
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
