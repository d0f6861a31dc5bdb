/**
 * The writers of the load benchmark: each autocannon connection is one signed-in reviewer who
 * creates a claim on a random passage (`POST /api/v1/articles/<slug>/claims`) and then edits it
 * twice (`PATCH /api/v1/claims/<id>` with If-Match), over and over. Every write carries a unique
 * marker in its rationale; every write the app acknowledges (201/200) goes into the ledger with
 * the version the app reported, so the database can be checked afterwards.
 */
import { VERDICTS } from "../../lib/domain/verdicts";
import type { AutocannonClient, AutocannonRequest } from "./load-autocannon";
import type { AcknowledgedWrite } from "./load-database";

export interface Passage {
  start: number;
  end: number;
}

const MIN_WORDS = 2;
const MAX_WORDS = 6;

/** `count` random passages of a few whole words, each inside one paragraph of `text`. */
export function pickPassages(text: string, count: number): Passage[] {
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const passages: Passage[] = [];
  while (passages.length < count) {
    const first = Math.floor(Math.random() * (words.length - MAX_WORDS));
    const last = first + MIN_WORDS - 1 + Math.floor(Math.random() * (MAX_WORDS - MIN_WORDS + 1));
    const passage = { start: words[first].start, end: words[last].end };
    if (!text.slice(passage.start, passage.end).includes("\n")) passages.push(passage);
  }
  return passages;
}

export class WriteLedger {
  readonly acknowledged: AcknowledgedWrite[] = [];
  private sequence = 0;

  constructor(private readonly run: string) {}

  /** Fixed width, so no marker is a prefix of another. */
  nextMarker(): string {
    return `${this.run}-${String(++this.sequence).padStart(7, "0")}`;
  }

  record(write: AcknowledgedWrite): void {
    this.acknowledged.push(write);
  }
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

function claimContent(marker: string) {
  return {
    claimText: `Lastprobe ${marker}`,
    claimant: "Lasttest",
    verdict: pick(VERDICTS),
    rationale: `Geprüft im Lasttest, Schreibvorgang ${marker}.`,
    sources: [{ url: `https://example.org/load/${marker}`, title: "Lasttest-Quelle", publisher: "Lasttest", stance: "CONTEXT" }],
  };
}

interface WriterContext extends Record<string, unknown> {
  marker?: string;
  claimId?: string;
  version?: number;
}

/** The request sequence of one reviewer (cookie): create, edit, edit. */
function writerSequence(cookie: string, slug: string, passages: Passage[], ledger: WriteLedger): AutocannonRequest[] {
  // Origin as a browser sends it on a same-origin write (the app refuses cross-origin writes).
  const headers = (host: string) => ({ Cookie: cookie, Origin: `http://${host}`, "Content-Type": "application/json" });
  const acknowledge = (context: WriterContext, claim: { id: string; version: number }) => {
    context.claimId = claim.id;
    context.version = claim.version;
    ledger.record({ claimId: claim.id, version: claim.version, marker: context.marker! });
  };
  const create: AutocannonRequest = {
    method: "POST",
    path: `/api/v1/articles/${slug}/claims`,
    setupRequest: (request, context: WriterContext) => {
      context.marker = ledger.nextMarker();
      return { ...request, headers: { ...request.headers, ...headers(request.host) }, body: JSON.stringify({ passage: pick(passages), ...claimContent(context.marker) }) };
    },
    onResponse: (status, body, context: WriterContext) => {
      if (status === 201) acknowledge(context, JSON.parse(body) as { id: string; version: number });
    },
  };
  const edit: AutocannonRequest = {
    method: "PATCH",
    setupRequest: (request, context: WriterContext) => {
      // The create (or the previous edit) was not acknowledged: start over with a new claim.
      if (context.claimId === undefined) return null;
      context.marker = ledger.nextMarker();
      return {
        ...request,
        path: `/api/v1/claims/${context.claimId}`,
        headers: { ...request.headers, ...headers(request.host), "If-Match": `"v${context.version}"` },
        body: JSON.stringify(claimContent(context.marker)),
      };
    },
    onResponse: (status, body, context: WriterContext) => {
      if (status === 200) acknowledge(context, JSON.parse(body) as { id: string; version: number });
      else context.claimId = undefined;
    },
  };
  return [create, edit, edit];
}

/** autocannon's setupClient: connection i writes as reviewer i (round robin over `sessions`). */
export function writerClients(options: { sessions: string[]; slug: string; passages: Passage[]; ledger: WriteLedger }): (client: AutocannonClient) => void {
  let connection = 0;
  return (client) => {
    const cookie = options.sessions[connection++ % options.sessions.length];
    client.setRequests(writerSequence(cookie, options.slug, options.passages, options.ledger));
  };
}
