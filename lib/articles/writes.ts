import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { db } from '@/lib/db/client';
import { syncAchievements } from '@/lib/progress/writes';
import { renderMarkdown } from '@/lib/articles/markdown';
import type { ArticleFormInput, TagFormInput } from '@/lib/articles/schemas';
import {
  NO_INVALIDATION,
  articleInvalidation,
  readMarkInvalidation,
  tagCreateInvalidation,
  tagDeleteInvalidation,
  tagUpdateInvalidation,
  type Invalidation,
  type PublicArticleState,
} from '@/lib/articles/invalidation';

/**
 * Article and tag writes for the admin actions and the read marks. Each returns the cache
 * invalidation it requires (applied by the caller, a server action), `null` when the row does
 * not exist, or a field error the form can show next to the input.
 */

type Tx = Prisma.TransactionClient;

export type FieldError = { ok: false; field: string; message: string };
export type WriteResult<T = object> = ({ ok: true; invalidation: Invalidation } & T) | FieldError | null;

const fieldError = (field: string, message: string): FieldError => ({ ok: false, field, message });

/** Thrown inside a transaction to roll it back with a field error. */
class FieldProblem extends Error {
  constructor(readonly error: FieldError) {
    super(error.message);
  }
}

async function runWrite<T>(work: (tx: Tx) => Promise<T>, uniqueField: string, uniqueMessage: string): Promise<T | FieldError> {
  const prisma = await db();
  try {
    return await prisma.$transaction(work);
  } catch (err) {
    if (err instanceof FieldProblem) return err.error;
    if (isUniqueViolation(err)) return fieldError(uniqueField, uniqueMessage);
    throw err;
  }
}

const publicStateSelect = { id: true, slug: true, status: true, publishedAt: true, tags: { select: { slug: true } } } as const;

function publicState(row: { slug: string; status: string; tags: { slug: string }[] }): PublicArticleState {
  return { slug: row.slug, published: row.status === 'PUBLISHED', tagSlugs: row.tags.map((t) => t.slug) };
}

const SLUG_TAKEN = 'Another article already uses this slug. Choose a different one.';

async function assertSlugFree(tx: Tx, slug: string, exceptId?: string): Promise<void> {
  const clash = await tx.article.findUnique({ where: { slug }, select: { id: true } });
  if (clash && clash.id !== exceptId) throw new FieldProblem(fieldError('slug', SLUG_TAKEN));
}

async function assertTagsExist(tx: Tx, tagIds: string[]): Promise<void> {
  if (tagIds.length === 0) return;
  const found = await tx.tag.count({ where: { id: { in: tagIds } } });
  if (found !== tagIds.length) throw new FieldProblem(fieldError('tagIds', 'One of the chosen tags no longer exists. Reload the page and try again.'));
}

function content(input: ArticleFormInput) {
  return { slug: input.slug, title: input.title, summary: input.summary, markdown: input.markdown, html: renderMarkdown(input.markdown) };
}

export async function createArticle(input: ArticleFormInput, authorId: string, publish: boolean): Promise<WriteResult<{ id: string }>> {
  const result = await runWrite(
    async (tx) => {
      await assertSlugFree(tx, input.slug);
      await assertTagsExist(tx, input.tagIds);
      return tx.article.create({
        data: {
          ...content(input),
          status: publish ? 'PUBLISHED' : 'DRAFT',
          publishedAt: publish ? new Date() : null,
          authorId,
          tags: { connect: input.tagIds.map((id) => ({ id })) },
        },
        select: publicStateSelect,
      });
    },
    'slug',
    SLUG_TAKEN,
  );
  if ('ok' in result) return result;
  return { ok: true, id: result.id, invalidation: articleInvalidation(null, publicState(result)) };
}

/** Saves the text, slug and tags; the status stays as it is. */
export async function updateArticle(id: string, input: ArticleFormInput): Promise<WriteResult> {
  const result = await runWrite(
    async (tx) => {
      const before = await tx.article.findUnique({ where: { id }, select: publicStateSelect });
      if (!before) return null;
      await assertSlugFree(tx, input.slug, id);
      await assertTagsExist(tx, input.tagIds);
      const after = await tx.article.update({
        where: { id },
        data: { ...content(input), tags: { set: input.tagIds.map((tagId) => ({ id: tagId })) } },
        select: publicStateSelect,
      });
      return { before, after };
    },
    'slug',
    SLUG_TAKEN,
  );
  if (!result || 'ok' in result) return result;
  return { ok: true, invalidation: articleInvalidation(publicState(result.before), publicState(result.after)) };
}

/** Publish or unpublish. publishedAt is set the first time only, so republishing keeps the date. */
export async function setArticlePublished(id: string, publish: boolean): Promise<WriteResult> {
  const prisma = await db();
  const outcome = await prisma.$transaction(async (tx) => {
    const before = await tx.article.findUnique({ where: { id }, select: publicStateSelect });
    if (!before) return null;
    if ((before.status === 'PUBLISHED') === publish) return { before, after: null }; // already so: nothing changed
    const after = await tx.article.update({
      where: { id },
      data: { status: publish ? 'PUBLISHED' : 'DRAFT', ...(publish && !before.publishedAt ? { publishedAt: new Date() } : {}) },
      select: publicStateSelect,
    });
    return { before, after };
  });
  if (!outcome) return null;
  if (!outcome.after) return { ok: true, invalidation: NO_INVALIDATION };
  return { ok: true, invalidation: articleInvalidation(publicState(outcome.before), publicState(outcome.after)) };
}

export async function deleteArticle(id: string): Promise<WriteResult> {
  const prisma = await db();
  const before = await prisma.$transaction(async (tx) => {
    const row = await tx.article.findUnique({ where: { id }, select: publicStateSelect });
    if (row) await tx.article.delete({ where: { id } });
    return row;
  });
  if (!before) return null;
  return { ok: true, invalidation: articleInvalidation(publicState(before), null) };
}

/* ------------------------------------------------------------------------------- tags -- */

function tagUniqueProblem(err: unknown): FieldError | null {
  if (!isUniqueViolation(err)) return null;
  const target = String((err as Prisma.PrismaClientKnownRequestError).meta?.target ?? '');
  return target.includes('name') ? fieldError('name', 'A tag with this name already exists.') : fieldError('slug', 'A tag with this slug already exists.');
}

async function assertTagFree(tx: Tx, input: TagFormInput, exceptId?: string): Promise<void> {
  const clashes = await tx.tag.findMany({
    where: { OR: [{ slug: input.slug }, { name: { equals: input.name, mode: 'insensitive' } }], ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { slug: true },
  });
  if (clashes.some((c) => c.slug === input.slug)) throw new FieldProblem(fieldError('slug', 'A tag with this slug already exists.'));
  if (clashes.length) throw new FieldProblem(fieldError('name', 'A tag with this name already exists.'));
}

async function runTagWrite<T>(work: (tx: Tx) => Promise<T>): Promise<T | FieldError> {
  const prisma = await db();
  try {
    return await prisma.$transaction(work);
  } catch (err) {
    if (err instanceof FieldProblem) return err.error;
    const problem = tagUniqueProblem(err);
    if (problem) return problem;
    throw err;
  }
}

export async function createTag(input: TagFormInput): Promise<WriteResult<{ id: string }>> {
  const result = await runTagWrite(async (tx) => {
    await assertTagFree(tx, input);
    return tx.tag.create({ data: { slug: input.slug, name: input.name, description: input.description }, select: { id: true } });
  });
  if ('ok' in result) return result;
  return { ok: true, id: result.id, invalidation: tagCreateInvalidation() };
}

const publishedSlugsSelect = { slug: true, articles: { where: { status: 'PUBLISHED' }, select: { slug: true } } } as const;

export async function updateTagRow(id: string, input: TagFormInput): Promise<WriteResult> {
  const result = await runTagWrite(async (tx) => {
    const before = await tx.tag.findUnique({ where: { id }, select: publishedSlugsSelect });
    if (!before) return null;
    await assertTagFree(tx, input, id);
    await tx.tag.update({ where: { id }, data: { slug: input.slug, name: input.name, description: input.description } });
    return before;
  });
  if (!result || 'ok' in result) return result;
  return { ok: true, invalidation: tagUpdateInvalidation(result.slug, input.slug, result.articles.map((a) => a.slug)) };
}

export async function deleteTagRow(id: string): Promise<WriteResult> {
  const prisma = await db();
  const before = await prisma.$transaction(async (tx) => {
    const row = await tx.tag.findUnique({ where: { id }, select: publishedSlugsSelect });
    if (row) await tx.tag.delete({ where: { id } });
    return row;
  });
  if (!before) return null;
  return { ok: true, invalidation: tagDeleteInvalidation(before.slug, before.articles.map((a) => a.slug)) };
}

/* ------------------------------------------------------------------------ read marks -- */

/** Marks a published article read or unread for the user; unlocks reading achievements. */
export async function setArticleRead(userId: string, slug: string, read: boolean): Promise<WriteResult<{ read: boolean }>> {
  const prisma = await db();
  const achievementTags = await prisma.$transaction(async (tx) => {
    const article = await tx.article.findFirst({ where: { slug, status: 'PUBLISHED' }, select: { id: true } });
    if (!article) return null;
    if (read) {
      await tx.articleRead.upsert({
        where: { userId_articleId: { userId, articleId: article.id } },
        create: { userId, articleId: article.id },
        update: {},
      });
    } else {
      await tx.articleRead.deleteMany({ where: { userId, articleId: article.id } });
    }
    return syncAchievements(tx, userId);
  });
  if (!achievementTags) return null;
  return { ok: true, read, invalidation: readMarkInvalidation(userId, achievementTags) };
}
