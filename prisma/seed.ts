/**
 * Demo data for local use: the reference article, four accounts and a few claims, so the
 * reader view is not empty on first start. Claims go through the data access layer, the same
 * path the app uses. The passwords are printed in the README and are for local use only.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { db } from "../lib/server/db";
import { hashPassword } from "../lib/server/passwords";
import { createClaim } from "../lib/server/claims";
import { assignClaim, transitionClaim } from "../lib/server/claim-workflow";
import { cleanCapture, joinBlocks } from "../lib/domain/article-text";
import type { Actor } from "../lib/server/actor";
import type { Role } from "../lib/generated/prisma/enums";

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; password: string }[] = [
  { email: "admin@example.org", name: "Ada Admin", role: "ADMIN", password: "admin-demo-2026" },
  { email: "editor@example.org", name: "Eda Berger", role: "EDITOR", password: "editor-demo-2026" },
  { email: "reviewer@example.org", name: "Rita Reuter", role: "REVIEWER", password: "reviewer-demo-2026" },
  { email: "reviewer2@example.org", name: "Ben Brandt", role: "REVIEWER", password: "reviewer2-demo-2026" },
];

export const REFERENCE_ARTICLE_SLUG = "putin-kim-nordkorea";
const REFERENCE_ARTICLE_FILE = "fixtures/putin-kim-nordkorea.de.txt";

interface DemoClaim {
  quote: string;
  claimText: string;
  claimant: string;
  verdict: "TRUE" | "MOSTLY_TRUE" | "UNPROVEN" | "MISLEADING";
  rationale: string;
  /** How far through the review workflow the demo takes the claim. */
  stage: "draft" | "in-review" | "published";
  sources: { url: string; title: string; publisher: string; publishedAt: string; excerpt: string; stance: "SUPPORTS" | "REFUTES" | "CONTEXT" }[];
}

const DEMO_CLAIMS: DemoClaim[] = [
  {
    quote: "mehr als 10.000 Schiffscontainer",
    claimText: "Nordkorea hat mehr als 10.000 Schiffscontainer mit Munition nach Russland geschickt.",
    claimant: "Shin Won-sik",
    verdict: "MOSTLY_TRUE",
    rationale:
      "Die Zahl stammt vom südkoreanischen Verteidigungsministerium. Satellitenbilder zeigen regelmäßige Containertransporte über den Hafen Rajin; die genaue Zahl lässt sich unabhängig nicht bestätigen.",
    stage: "published",
    sources: [
      { url: "https://example.org/demo/mnd-briefing-2024-06", title: "Briefing des Verteidigungsministeriums", publisher: "Verteidigungsministerium der Republik Korea (Demo)", publishedAt: "2024-06-13", excerpt: "Seit August 2023 wurden mehr als 10.000 Container verschifft.", stance: "SUPPORTS" },
      { url: "https://example.org/demo/satellite-rajin", title: "Satellitenbilder vom Hafen Rajin", publisher: "Demo-Analyseinstitut", publishedAt: "2024-05-30", excerpt: "Die Bilder zeigen wiederkehrende Containerverladungen.", stance: "CONTEXT" },
    ],
  },
  {
    quote: "das erste Mal seit dem Jahr 2000",
    claimText: "Putins Reise nach Pjöngjang ist sein erster Besuch dort seit dem Jahr 2000.",
    claimant: "Redaktion",
    verdict: "TRUE",
    rationale: "Putin besuchte Pjöngjang zuletzt im Juli 2000, kurz nach seinem ersten Amtsantritt. Seitdem fanden Treffen mit Kim Jong-un nur in Russland statt (2019 in Wladiwostok, 2023 im Kosmodrom Wostotschny).",
    stage: "published",
    sources: [
      { url: "https://example.org/demo/kremlin-archive-2000", title: "Staatsbesuch in der DVRK, Juli 2000", publisher: "Kreml-Archiv (Demo)", publishedAt: "2000-07-19", excerpt: "Offizieller Besuch in Pjöngjang am 19. und 20. Juli 2000.", stance: "SUPPORTS" },
    ],
  },
  {
    quote: "Seit der iranischen Revolution von 1979 ist das die erste militärische Unterstützung des Irans für ein nicht islamisches Land",
    claimText: "Die Drohnenlieferungen an Russland sind die erste militärische Unterstützung Irans für ein nicht islamisches Land seit 1979.",
    claimant: "The Economist",
    verdict: "UNPROVEN",
    rationale: "Die Aussage wird dem Economist zugeschrieben, der keine Belege nennt. Frühere Fälle iranischer Waffenhilfe an nicht islamische Staaten sind umstritten und nicht abschließend dokumentiert.",
    stage: "published",
    sources: [
      { url: "https://example.org/demo/economist-iran-russia", title: "Iran und Russland: eine neue Waffenbrüderschaft", publisher: "The Economist (Demo)", publishedAt: "2024-06-10", excerpt: "Zum ersten Mal seit 1979 unterstützt Iran ein nicht islamisches Land militärisch.", stance: "CONTEXT" },
    ],
  },
  {
    quote: "Iranische Drohnen wie die Shahed 136 Kamikazedrohne gehören mittlerweile zum Standardrepertoire der russischen Armee",
    claimText: "Russland setzt iranische Shahed-136-Drohnen regelmäßig ein.",
    claimant: "Redaktion",
    verdict: "TRUE",
    rationale: "Entwurf: Belege aus ukrainischen Abschussmeldungen noch ergänzen.",
    stage: "draft",
    sources: [
      { url: "https://example.org/demo/shahed-tracker", title: "Drohnenangriffe im Überblick", publisher: "Demo-Monitor", publishedAt: "2024-06-01", excerpt: "Im Mai 2024 wurden über 400 Drohnen vom Typ Shahed gemeldet.", stance: "SUPPORTS" },
    ],
  },
  {
    quote: "Kurt Campbell, Vizeaußenminister der USA habe sich in einem Notfalltelefonat mit seinem südkoreanischen Kollegen, Kim Hong-kyun, unterhalten",
    claimText: "US-Vizeaußenminister Kurt Campbell hat mit seinem südkoreanischen Amtskollegen Kim Hong-kyun telefoniert.",
    claimant: "Reuters",
    verdict: "MOSTLY_TRUE",
    rationale: "Beide Ministerien bestätigen ein Telefonat; dass es ein „Notfalltelefonat“ war, steht in keiner der beiden Mitteilungen.",
    stage: "in-review",
    sources: [
      { url: "https://example.org/demo/state-readout", title: "Readout: Deputy Secretary Campbell's call", publisher: "US-Außenministerium (Demo)", publishedAt: "2024-06-13", excerpt: "Deputy Secretary Campbell spoke with First Vice Foreign Minister Kim Hong-kyun.", stance: "SUPPORTS" },
    ],
  },
];

function readReferenceArticle(): string {
  return readFileSync(path.join(import.meta.dirname, REFERENCE_ARTICLE_FILE), "utf8");
}

/** Seeds the demo data unless the database already has users. Returns whether it seeded. */
export async function seedDemoData(): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;

  const users = new Map<string, Actor>();
  for (const account of DEMO_ACCOUNTS) {
    const user = await db.user.create({
      data: { email: account.email, name: account.name, role: account.role, passwordHash: await hashPassword(account.password) },
    });
    users.set(account.email, { id: user.id, name: user.name, email: user.email, role: user.role });
  }

  const capture = cleanCapture(readReferenceArticle());
  const canonical = joinBlocks(capture.blocks);
  await db.article.create({
    data: {
      slug: REFERENCE_ARTICLE_SLUG,
      title: capture.title,
      sourceUrl: "https://example.org/politik/putin-kim-nordkorea",
      publisher: "Nachrichtenportal (Demo)",
      language: "de",
      publishedAt: new Date("2024-06-14T00:00:00Z"),
      byline: capture.byline,
      text: canonical.text,
      blockKinds: JSON.stringify(canonical.blockKinds),
      createdById: users.get("editor@example.org")!.id,
    },
  });

  // Through the real workflow: the author submits, a second reviewer approves, the editor publishes.
  const reviewer = users.get("reviewer@example.org")!;
  const secondReviewer = users.get("reviewer2@example.org")!;
  const editor = users.get("editor@example.org")!;
  for (const claim of DEMO_CLAIMS) {
    const start = canonical.text.indexOf(claim.quote);
    if (start < 0) throw new Error(`demo quote not in the reference article: ${claim.quote}`);
    let { id, version } = await createClaim(reviewer, {
      articleSlug: REFERENCE_ARTICLE_SLUG,
      passage: { start, end: start + claim.quote.length },
      claimText: claim.claimText,
      claimant: claim.claimant,
      verdict: claim.verdict,
      rationale: claim.rationale,
      sources: claim.sources,
    });
    const step = async (who: Actor, action: string) => ({ id, version } = await transitionClaim(who, { claimId: id, version, action, note: "" }));
    if (claim.stage === "draft") continue;
    await step(reviewer, "submit");
    if (claim.stage === "in-review") {
      await assignClaim(reviewer, { claimId: id, version, assigneeId: secondReviewer.id });
      continue;
    }
    await step(secondReviewer, "approve");
    await step(editor, "publish");
  }
  return true;
}
