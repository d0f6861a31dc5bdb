/**
 * Evaluates the claim-suggestion detector on the labelled articles in
 * lib/claim-detection/eval-set/ and prints precision/recall/F1 overall, recall
 * per kind, scores per language, held-out articles separately, and every
 * misclassified sentence.
 *
 * Usage: npm run --silent eval:suggestions
 */
import { evaluate, loadArticles, score, type SentenceResult } from "../lib/claim-detection/eval";

const pct = (x: number) => x.toFixed(3);
const line = (label: string, r: SentenceResult[]) => {
  const s = score(r);
  return `${label.padEnd(22)} n=${String(r.length).padStart(3)}  P=${pct(s.precision)}  R=${pct(s.recall)}  F1=${pct(s.f1)}  (tp=${s.tp} fp=${s.fp} fn=${s.fn} tn=${s.tn})`;
};
const recallOf = (r: SentenceResult[]) => {
  const pos = r.filter((x) => x.gold);
  return `${pct(pos.filter((x) => x.predicted).length / (pos.length || 1))} (${pos.filter((x) => x.predicted).length}/${pos.length})`;
};

const articles = loadArticles();
const results = evaluate(articles);
const tuned = results.filter((r) => r.holdout === false);
const rounds = [...new Set(articles.map((a) => a.holdout).filter((h): h is number => h !== false))].sort();
const latest = rounds[rounds.length - 1];

console.log("$ npm run --silent eval:suggestions");
console.log(`articles: ${articles.length} (de ${articles.filter((a) => a.language === "de").length}, en ${articles.filter((a) => a.language === "en").length}); sentences: ${results.length}; check-worthy: ${results.filter((r) => r.gold).length}`);
for (const round of rounds) {
  const files = articles.filter((a) => a.holdout === round).map((a) => a.file.replace(/\.json$/, ""));
  console.log(`held-out round ${round}${round === latest ? " (latest; not used for tuning)" : " (used for tuning after its first run)"}: ${files.join(", ")}`);
}
console.log("");
console.log(line("overall", results));
console.log(line("  tuning set", tuned));
for (const round of rounds) console.log(line(`  held-out round ${round}`, results.filter((r) => r.holdout === round)));
console.log(line("language de", results.filter((r) => r.language === "de")));
console.log(line("language en", results.filter((r) => r.language === "en")));
const positives = results.filter((r) => r.gold).length;
console.log(`baseline (every sentence) P=${pct(positives / results.length)}`);
console.log("");
console.log(`recall per kind         ${["all", "de", "en", `held-out r${latest ?? "-"}`].map((h) => h.padEnd(15)).join(" ")}`.trimEnd());
for (const kind of ["figure", "attribution", "comparison", "quote"] as const) {
  const k = results.filter((r) => r.goldKind === kind);
  const cols = [k, k.filter((r) => r.language === "de"), k.filter((r) => r.language === "en"), k.filter((r) => r.holdout === latest)];
  console.log(`  ${kind.padEnd(20)}  ${cols.map((c) => recallOf(c).padEnd(15)).join(" ")}`.trimEnd());
}
const tp = results.filter((r) => r.gold && r.predicted);
console.log(`kind agreement on true positives: ${pct(tp.filter((r) => r.goldKind === r.predictedKind).length / (tp.length || 1))} (${tp.filter((r) => r.goldKind === r.predictedKind).length}/${tp.length})`);
console.log("");
console.log("errors:");
for (const r of results.filter((x) => x.gold !== x.predicted)) {
  const tag = r.gold ? `FN ${r.goldKind}` : `FP ${r.predictedKind}`;
  console.log(`  ${tag.padEnd(15)} ${r.article.replace(/\.json$/, "")}${r.holdout === false ? "" : ` [holdout r${r.holdout}]`}: ${r.text.length > 110 ? `${r.text.slice(0, 109)}…` : r.text}`);
}
