/**
 * Best-effort extraction of who made a statement ("Shin Won-sik",
 * "Bloomberg", "Dmitri Peskow") from the words around a reporting verb.
 *
 * Works on runs of capitalised tokens. German capitalises every noun, so role
 * words ("Verteidigungsminister", "Kreml-Sprecher", "Dr.") are stripped from
 * the front of a run, and an apposition ("…, Maren Albers") is preferred.
 */

const ROLE = /(?:minister(?:in)?|sprecher(?:in)?|präsident(?:in)?|chef(?:in)?|kanzler(?:in)?|trainer(?:in)?|direktor(?:in)?|leiter(?:in)?|vorsitzende[rn]?|volkswirt(?:in)?|ökonom(?:in)?|expert(?:e|in)|forscher(?:in)?|loge|login|arzt|ärztin|sekretär(?:in)?|botschafter(?:in)?|general|abgeordnete[rn]?|bürgermeister(?:in)?|kapitän(?:in)?|torhüter(?:in)?|autor(?:in)?|professor(?:in)?|senator|governor|president|secretary|spokes(?:man|woman|person)|chancellor|mayor|chief|director|author|scientist|economist|analyst|coach|captain|ceo|chair(?:man|woman)?|dr\.?|prof\.?|mr\.?|mrs\.?|ms\.?|sir|lead|kreml)$/i;
const ARTICLE = /^(?:der|die|das|den|dem|des|the|a|an)$/i;
const CONNECTOR = /^(?:von|van|de|der|den|des|del|di|da|bin|al|of|the|für|and|&)$/;
const PRONOUN = /^(?:er|sie|es|ihn|ihm|ihr|wir|man|he|she|it|they|him|her|them|we|i|this|that|das|dies|dieser|diese)$/i;
/** Collective nouns that do not identify a source ("Kritiker", "experts"). */
const VAGUE = /^(?:kritiker\p{L}*|experten|expertinnen|beobachter\p{L}*|analysten|forscher\p{L}*|wissenschaftler\p{L}*|ökonomen|gegner|befürworter|anwohner|fachleute|verbände|umweltverbände|insider|kreise|ärzte|lehrer|eltern|menschen|bürger|anleger|critics|experts|observers|analysts|researchers|scientists|economists|opponents|supporters|residents|officials|sources|insiders|commentators|doctors|nurses|teachers|workers|people|voters|parents|investors|traders|many|some|others)$/iu;
const QUANTIFIER = /^(?:viele|einige|manche|wenige|zahlreiche|mehrere|many|some|few|most|several|numerous)$/i;

interface Token { text: string; start: number; end: number }

function tokens(segment: string): Token[] {
  const out: Token[] = [];
  for (const m of segment.matchAll(/[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’.&-]*/gu)) {
    const text = m[0].replace(/\.$/, (d) => (/^(?:Dr|Prof|Mr|Mrs|Ms|St|Jr)\.$/.test(m[0]) ? d : ""));
    out.push({ text, start: m.index!, end: m.index! + text.length });
  }
  return out;
}

const isCap = (t: string) => /^\p{Lu}/u.test(t);

/** Capitalised run starting at token i (connectors allowed inside, not at the end). */
function runFrom(toks: Token[], i: number, segment: string): Token[] {
  const run: Token[] = [];
  for (let j = i; j < toks.length; j++) {
    // A comma or other punctuation between tokens ends the name.
    if (run.length && /[^\s]/.test(segment.slice(toks[j - 1].end, toks[j].start))) break;
    if (isCap(toks[j].text)) run.push(toks[j]);
    else if (CONNECTOR.test(toks[j].text) && run.length && toks[j + 1] && isCap(toks[j + 1].text)) run.push(toks[j]);
    else break;
  }
  return run;
}

/** Name text of a run without leading articles/roles; a person name is cut before "von"/"of". */
function clean(run: Token[]): string | undefined {
  let r = run.slice();
  while (r.length > 1 && (ARTICLE.test(r[0].text) || CONNECTOR.test(r[0].text))) r = r.slice(1);
  const roleless = r.slice();
  while (roleless.length > 1 && ROLE.test(roleless[0].text.split("-").pop()!)) roleless.shift();
  while (roleless.length && CONNECTOR.test(roleless[0].text)) roleless.shift();
  if (roleless.length) r = roleless;
  const cut = r.findIndex((t, k) => k >= 2 && /^(?:von|of|from|at|vom)$/.test(t.text));
  if (cut > 0) r = r.slice(0, cut);
  const name = r.map((t) => t.text).join(" ");
  return name && !PRONOUN.test(name) && !ARTICLE.test(name) ? name : undefined;
}

/** Claimant named after a reporting word: "berichtete Bloomberg", "zitiert ihn der Guardian", "laut dem … Shin Won-sik". */
export function claimantAfter(segment: string): string | undefined {
  const toks = tokens(segment);
  let i = 0;
  // Skip articles, pronouns and a few lower-case descriptors ("project scientist", "dem südkoreanischen").
  while (i < toks.length && i < 5 && !isCap(toks[i].text)) i++;
  // Punctuation or a quote mark before the name means the words after the verb are not its subject.
  if (i >= toks.length || i >= 5 || /[,.;:„“”"«»]/.test(segment.slice(0, toks[i].start))) return undefined;
  const run = runFrom(toks, i, segment);
  if (!run.length) return undefined;
  const rest = segment.slice(run[run.length - 1].end);
  const apposition = /^,\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)+)(?=\s*(?:[,.;]|$))/u.exec(rest);
  const allRoles = run.every((t) => ROLE.test(t.text.split("-").pop()!) || ARTICLE.test(t.text) || CONNECTOR.test(t.text));
  if (apposition && (allRoles || run.some((t) => ROLE.test(t.text.split("-").pop()!)))) return apposition[1];
  return clean(run);
}

/** Claimant named before a reporting verb: "Verbandspräsident Dirk Hollweg warnte", "…, Jan Behrens, erklärte". */
export function claimantBefore(segment: string): string | undefined {
  let s = segment.replace(/\s+$/, "");
  const appo = /,\s+([^,]+),$/.exec(s);
  if (appo) {
    const inner = tokens(appo[1]);
    if (inner.length && isCap(inner[0].text) && inner.every((t) => isCap(t.text) || CONNECTOR.test(t.text))) return clean(inner);
    if (/^\p{Ll}/u.test(appo[1])) s = s.slice(0, appo.index); // ", of the University of Sydney," describes the subject
  }
  const toks = tokens(s);
  if (!toks.length) return undefined;
  let start = toks.length - 1;
  if (!isCap(toks[start].text)) return undefined;
  while (start > 0 && (isCap(toks[start - 1].text) || (CONNECTOR.test(toks[start - 1].text) && start > 1 && isCap(toks[start - 2].text))) && !/[^\s]/.test(s.slice(toks[start - 1].end, toks[start].start))) start--;
  return clean(toks.slice(start));
}

/** Is the subject before a reporting verb only a vague collective ("Kritiker", "Experts not involved …")? */
export function isVagueSubject(segment: string): boolean {
  const all = tokens(segment).map((t) => t.text);
  // "Many doctors say", "Few experts believe": a quantified group without a name in it.
  if (all.length && QUANTIFIER.test(all[0]) && !all.slice(1).some(isCap)) return true;
  const toks = all.filter((t) => !ARTICLE.test(t) && !/^(?:viele|einige|manche|andere|many|some|most|several|other)$/i.test(t));
  if (!toks.length) return false;
  return VAGUE.test(toks[0]) || VAGUE.test(toks[toks.length - 1]) || (toks.length <= 2 && VAGUE.test(toks[toks.length - 1]));
}
