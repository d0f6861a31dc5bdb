/**
 * The reader-page benchmark's article, put into a prepared database through the app's own data
 * layer (`tsx --conditions=react-server`, DATABASE_URL set; started by bench/reader-page.ts):
 *
 *   <seed> <out.json>
 *
 * Adds the seeded 100,000-character article (bench/lib/generate.ts) twice, as the demo editor
 * would: once with its 1,000 claims taken through the whole review workflow (written by one
 * reviewer, approved by another, published by the editor), once with none — the benchmark's
 * baseline. Writes both slugs to <out.json> (the data layer logs to stdout).
 */
import { writeFileSync } from "node:fs";
import { db } from "../../lib/server/db";
import { createArticle } from "../../lib/server/articles";
import { createClaim } from "../../lib/server/claims";
import { transitionClaim } from "../../lib/server/claim-workflow";
import { anchorAll } from "../../lib/anchoring/anchor";
import { VERDICTS } from "../../lib/domain/verdicts";
import type { Actor } from "../../lib/server/actor";
import { generateCorpus } from "./generate";

export interface ReaderPageArticles {
  withClaims: string;
  withoutClaims: string;
  claims: number;
  textLength: number;
}

async function actor(email: string): Promise<Actor> {
  return db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, email: true, role: true } });
}

async function main(seed: number, out: string): Promise<void> {
  const [editor, reviewer, secondReviewer] = await Promise.all(["editor@example.org", "reviewer@example.org", "reviewer2@example.org"].map(actor));
  const corpus = generateCorpus(seed);
  const article = (title: string, sourceUrl: string) =>
    createArticle(editor, { title, sourceUrl, publisher: "Benchmark-Verlag", language: "de", text: corpus.text, byline: "bench" });
  const withClaims = await article("Benchmark: 1.000 geprüfte Behauptungen", "https://bench.example/artikel-mit-pruefungen");
  const withoutClaims = await article("Benchmark: derselbe Text ohne Prüfungen", "https://bench.example/artikel-ohne-pruefungen");

  // The stored canonical text may differ from the generated one in its paragraph breaks: the
  // engine finds each claim's passage in it.
  const { text } = await db.article.findUniqueOrThrow({ where: { slug: withClaims.slug }, select: { text: true } });
  const results = anchorAll(text, corpus.claims);
  let published = 0;
  for (const [i, result] of results.entries()) {
    if (result.status !== "anchored") continue;
    let { id, version } = await createClaim(reviewer, {
      articleSlug: withClaims.slug,
      passage: { start: result.start, end: result.end },
      claimText: `Behauptung ${i + 1}: ${corpus.claims[i].exact}`,
      claimant: "Benchmark",
      verdict: VERDICTS[i % VERDICTS.length],
      rationale: "Begründung der Prüfung, mit zwei Sätzen wie in einer echten Bewertung. Die Quelle steht unten.",
      sources: [{ url: `https://quelle.example/beleg/${i + 1}`, title: `Beleg ${i + 1}`, publisher: "Quelle", stance: "CONTEXT" }],
    });
    const step = async (who: Actor, action: string) => ({ id, version } = await transitionClaim(who, { claimId: id, version, action, note: "" }));
    await step(reviewer, "submit");
    await step(secondReviewer, "approve");
    await step(editor, "publish");
    published++;
  }
  const result: ReaderPageArticles = { withClaims: withClaims.slug, withoutClaims: withoutClaims.slug, claims: published, textLength: text.length };
  writeFileSync(out, JSON.stringify(result));
}

const [seed, out] = process.argv.slice(2);
main(Number(seed), out)
  .then(() => db.$disconnect())
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
