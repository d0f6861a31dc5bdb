/**
 * The one way an article's text changes after it was added: a new revision.
 *
 * In one transaction: check the version the editor started from, keep the old text as an
 * ArticleRevision (if the old version has none yet — articles are created without one), write
 * the new title, text and block kinds, bump the version, record the new version as a revision,
 * and bring the claims along to the new text. Only editors and admins may do this: claims
 * hang on the words, and changing the words under other people's claims is an editor's call.
 */
import "server-only";
import type { Actor } from "./actor";
import { requireStaff } from "./authz";
import { db } from "./db";
import { AppError } from "./errors";
import { parseInput } from "./validate";
import { ZUpdateArticleText } from "../validation/article";
import { reanchorArticleClaims, type ReanchorSummary } from "./reanchor";

const EDITOR_ROLES = new Set(["ADMIN", "EDITOR"]);

/** Whether the actor may store a new revision of an article's text. */
export function canReviseArticles(actor: Actor | null): boolean {
  return actor !== null && EDITOR_ROLES.has(actor.role);
}

export function requireArticleEditor(actor: Actor | null): Actor {
  const staff = requireStaff(actor);
  if (!EDITOR_ROLES.has(staff.role)) throw new AppError("FORBIDDEN", "Only an editor can store a new revision of an article. Ask an editor.");
  return staff;
}

export interface ArticleTextUpdate {
  slug: string;
  version: number;
  /** False when title, text and block kinds were already as given: nothing was written. */
  changed: boolean;
  /** How the claims fared on the new text (null when nothing changed). */
  reanchored: ReanchorSummary | null;
}

/**
 * Stores a new revision of an article's text.
 * @param input - `{ slug, title, text, blockKinds, note, expectedVersion }`; `text` is canonical
 *   (blocks joined by a blank line, see lib/domain/article-text.ts), one kind per block
 * @throws AppError FORBIDDEN for reviewers, NOT_FOUND, CONFLICT when the article is no longer at
 *   `expectedVersion` (details: the current version), VALIDATION
 */
export async function updateArticleText(actor: Actor | null, input: unknown): Promise<ArticleTextUpdate> {
  const editor = requireArticleEditor(actor);
  const data = parseInput(ZUpdateArticleText, input);
  const blockKinds = JSON.stringify(data.blockKinds);

  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { slug: data.slug } });
    if (!article) throw new AppError("NOT_FOUND", "There is no article at this address.");
    if (article.version !== data.expectedVersion) {
      throw new AppError("CONFLICT", "The article was changed after you opened it. Reload it and try again.", undefined, { version: article.version });
    }
    if (article.title === data.title && article.text === data.text && article.blockKinds === blockKinds) {
      return { slug: article.slug, version: article.version, changed: false, reanchored: null };
    }

    // The old text stays retrievable: articles start without a revision row, so write it now.
    const oldRevision = await tx.articleRevision.findUnique({ where: { articleId_version: { articleId: article.id, version: article.version } } });
    if (!oldRevision) {
      await tx.articleRevision.create({
        data: { articleId: article.id, version: article.version, title: article.title, text: article.text, blockKinds: article.blockKinds, actorId: article.createdById },
      });
    }
    const version = article.version + 1;
    // The version in the WHERE clause makes check and write one step even across processes.
    const { count } = await tx.article.updateMany({
      where: { id: article.id, version: article.version },
      data: { title: data.title, text: data.text, blockKinds, version },
    });
    if (count === 0) throw new AppError("CONFLICT", "The article was changed after you opened it. Reload it and try again.");
    await tx.articleRevision.create({
      data: { articleId: article.id, version, title: data.title, text: data.text, blockKinds, note: data.note, actorId: editor.id },
    });

    // Every claim moves to the new text in this transaction; changed and orphaned ones leave the reader view.
    const reanchored = await reanchorArticleClaims(tx, editor, article.id, data.text);

    return { slug: article.slug, version, changed: true, reanchored };
  });
}
