/**
 * Bundle-size benchmark: `npm run bench:bundle` (= `tsx bench/bundle-size.ts`).
 *
 * 1. Builds the embeddable overlay (scripts/build-embed.ts → public/embed.js) and prints its
 *    minified and gzipped size against the 25 KB (gzipped) budget, with what it is made of —
 *    the anchoring worker's source, carried inside embed.js, included and also shown on its own.
 * 2. Measures the JavaScript our own reader page `/articles/<slug>` loads: every external
 *    `<script src>` in the page's HTML, fetched and gzipped one by one (what a first visit
 *    downloads, compressed). The page comes from BASE_URL when set (a running production
 *    server), else from a production server this script starts on a free port with its own
 *    throw-away database (data/bench-bundle.db; needs a previous `next build`, in NEXT_DIST_DIR
 *    when that is set) and stops again.
 * 3. Prints both next to a named baseline: the Hypothesis client, about 60 KB gzipped (figure
 *    from the issue text), the usual way to put annotations on someone else's page.
 * Exits 1 when the overlay exceeds its budget.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { gzipSync } from "node:zlib";
import { buildEmbed, EMBED_BUDGET_BYTES, EMBED_OUTPUT } from "../scripts/build-embed";

const SLUG = process.env.BENCH_SLUG ?? "putin-kim-nordkorea";
const HYPOTHESIS_GZIP_BYTES = 60 * 1024;
const BENCH_DB = "data/bench-bundle.db";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`.padStart(8);
const gz = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `next start` on a fresh, seeded SQLite file; resolves with its base URL and the process. */
async function startServer(): Promise<{ base: string; child: ChildProcess } | null> {
  const distDir = process.env.NEXT_DIST_DIR || ".next"; // as next.config.ts reads it
  if (!existsSync(`${distDir}/BUILD_ID`)) {
    console.log(`reader page: no production build (${distDir}/BUILD_ID) — run \`npx next build\` first or set BASE_URL`);
    return null;
  }
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: `file:./${BENCH_DB}`,
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-only-secret-not-for-production-0123456789",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${BENCH_DB}${suffix}`, { force: true });
  execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/prepare.ts"], { stdio: "ignore", env });
  const child = spawn("npx", ["next", "start", "-p", String(port)], { stdio: "ignore", env, detached: true });
  const base = `http://localhost:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/v1/articles`)).ok) return { base, child };
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stopServer(child);
  throw new Error("the production server did not start within 60 s");
}

function stopServer(child: ChildProcess): void {
  // The whole process group: npx and the next-server it started.
  if (child.pid) process.kill(-child.pid, "SIGTERM");
}

/** The external scripts of a page and their sizes. */
async function pageScripts(base: string, path: string): Promise<{ src: string; raw: number; gzip: number }[]> {
  const response = await fetch(`${base}${path}`);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const html = await response.text();
  const sources = [...new Set([...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&")))];
  return Promise.all(
    sources.map(async (src) => {
      const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
      return { src, raw: body.length, gzip: gz(body) };
    }),
  );
}

/** Minified bytes per source area, from esbuild's metafile. */
function composition(inputs: Record<string, { bytesInOutput: number }>): string {
  const areas = new Map<string, number>();
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
    const area = file.startsWith("lib/anchoring/dom/") ? "lib/anchoring/dom" : file.startsWith("lib/anchoring/") ? "lib/anchoring (engine)" : file.split("/").slice(0, -1).join("/") || file;
    areas.set(area, (areas.get(area) ?? 0) + bytesInOutput);
  }
  return [...areas].sort((a, b) => b[1] - a[1]).map(([area, bytes]) => `${area} ${(bytes / 1024).toFixed(1)} KB`).join(", ");
}

async function main(): Promise<void> {
  console.log("Bundle sizes — reproduce with: npm run bench:bundle (tsx bench/bundle-size.ts; BASE_URL=<running server> to measure a given deployment)");
  const { code, metafile, workerSource } = await buildEmbed();
  const embedGzip = gz(code);
  const within = embedGzip <= EMBED_BUDGET_BYTES;
  console.log(`\nembeddable overlay  ${EMBED_OUTPUT}: ${kb(Buffer.byteLength(code))} minified  ${kb(embedGzip)} gzipped   budget ${kb(EMBED_BUDGET_BYTES).trim()}: ${within ? "within" : "EXCEEDED"}`);
  console.log(`  made of (minified, before gzip): ${composition(Object.values(metafile.outputs)[0].inputs)}`);
  console.log(`  of which the anchoring worker (engine bundled on its own, a string in embed/main.ts): ${kb(Buffer.byteLength(workerSource)).trim()} minified, ${kb(gz(workerSource)).trim()} gzipped on its own`);

  let server: { base: string; child: ChildProcess } | null = null;
  try {
    const base = process.env.BASE_URL?.replace(/\/$/, "") ?? (server = await startServer())?.base;
    if (base) {
      const scripts = await pageScripts(base, `/articles/${SLUG}`);
      const raw = scripts.reduce((sum, s) => sum + s.raw, 0);
      const gzip = scripts.reduce((sum, s) => sum + s.gzip, 0);
      console.log(`\nreader page  /articles/${SLUG} (${server ? "production build started by this script" : base}): ${scripts.length} scripts, ${kb(raw)} raw  ${kb(gzip)} gzipped`);
      for (const s of [...scripts].sort((a, b) => b.gzip - a.gzip).slice(0, 5)) console.log(`  ${kb(s.gzip)} gzipped  ${s.src}`);
      console.log(`  (React, the Next.js runtime and the page's client components; the overlay needs none of it)`);
    }
  } finally {
    if (server) stopServer(server.child);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${BENCH_DB}${suffix}`, { force: true });
  }

  console.log(`\nbaseline  Hypothesis client (figure from the issue text): ~${kb(HYPOTHESIS_GZIP_BYTES).trim()} gzipped`);
  console.log(`overlay vs baseline: ${(embedGzip / HYPOTHESIS_GZIP_BYTES).toFixed(2)}x the size (${kb(HYPOTHESIS_GZIP_BYTES - embedGzip).trim()} smaller)`);
  process.exitCode = within ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
