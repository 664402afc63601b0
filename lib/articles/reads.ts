import 'server-only';
import { cache } from 'react';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db/client';
import { readingTimeMinutes } from '@/lib/articles/reading-time';
import { isValidSlug } from '@/lib/articles/slug';
import { authorName } from '@/lib/articles/format';
import { pickRelated, MAX_RELATED } from '@/lib/articles/related';
import { ARTICLES_PER_PAGE, escapeLikePattern, pageCount, type ArticleSearch, type ArticleSort } from '@/lib/articles/search-params';
import { TAG_SLUG_MAX } from '@/lib/articles/schemas';
import { defineRead, defineUserRead } from '@/lib/data-cache/read';
import { tags } from '@/lib/data-cache/tags';

// Public article reads are shared by every visitor and invalidated by tag on every edit; the
// TTL is only a safety net. It also caps the ISR lifetime of the pages that use them (Next
// takes the smallest revalidate seen while rendering), so it matches their `revalidate`.
export const ARTICLE_TTL_SECONDS = 3600;

/* ------------------------------------------------------------------ public, cached reads -- */

export interface TagRefDto {
  slug: string;
  name: string;
}

/** JSON-safe (see defineRead): dates are ISO strings. */
export interface ArticleSummaryDto {
  slug: string;
  title: string;
  summary: string;
  publishedAt: string;
  updatedAt: string;
  readingMinutes: number;
  tags: TagRefDto[];
}

export interface ArticleDto extends ArticleSummaryDto {
  id: string;
  /** Sanitized at write time (renderMarkdown); inserted as-is. */
  html: string;
  authorName: string;
}

export interface ArticlePageDto {
  items: ArticleSummaryDto[];
  total: number;
  page: number;
  pageCount: number;
}

const PUBLISHED = { status: 'PUBLISHED' } as const;

const summarySelect = {
  slug: true,
  title: true,
  summary: true,
  markdown: true,
  publishedAt: true,
  updatedAt: true,
  tags: { select: { slug: true, name: true }, orderBy: { name: 'asc' } },
} as const satisfies Prisma.ArticleSelect;

type SummaryRow = Prisma.ArticleGetPayload<{ select: typeof summarySelect }>;

function toSummaryDto(row: SummaryRow): ArticleSummaryDto {
  // Published rows always have publishedAt; fall back to updatedAt rather than crash on bad data.
  const publishedAt = (row.publishedAt ?? row.updatedAt).toISOString();
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    publishedAt,
    updatedAt: row.updatedAt.toISOString(),
    readingMinutes: readingTimeMinutes(row.markdown),
    tags: row.tags.map((t) => ({ slug: t.slug, name: t.name })),
  };
}

const ORDER: Readonly<Record<ArticleSort, Prisma.ArticleOrderByWithRelationInput[]>> = {
  newest: [{ publishedAt: 'desc' }, { slug: 'asc' }],
  oldest: [{ publishedAt: 'asc' }, { slug: 'asc' }],
  title: [{ title: 'asc' }, { slug: 'asc' }],
  updated: [{ updatedAt: 'desc' }, { slug: 'asc' }],
};

function searchWhere(q: string): Prisma.ArticleWhereInput {
  if (!q) return PUBLISHED;
  const contains = { contains: escapeLikePattern(q), mode: 'insensitive' } as const;
  return { ...PUBLISHED, OR: [{ title: contains }, { summary: contains }, { markdown: contains }] };
}

/** One page of the public index. `page` beyond the end returns no items (the page 404s). */
export const listPublishedArticles = defineRead({
  name: 'articles-index',
  tags: () => [tags.articles()],
  load: async ({ q, sort, page }: ArticleSearch): Promise<ArticlePageDto> => {
      const prisma = await db();
      const where = searchWhere(q);
      const [total, rows] = await Promise.all([
        prisma.article.count({ where }),
        prisma.article.findMany({ where, orderBy: ORDER[sort], skip: (page - 1) * ARTICLES_PER_PAGE, take: ARTICLES_PER_PAGE, select: summarySelect }),
      ]);
      return { items: rows.map(toSummaryDto), total, page, pageCount: pageCount(total) };
  },
  revalidate: ARTICLE_TTL_SECONDS,
});

export interface TagPageDto {
  tag: TagRefDto & { description: string | null };
  items: ArticleSummaryDto[];
}

/** A tag with its published articles (newest first); null for an unknown tag or one with none. */
export const getTagPage = cache((slug: string): Promise<TagPageDto | null> => (isValidSlug(slug, TAG_SLUG_MAX) ? tagPage(slug) : Promise.resolve(null)));

export const tagPage = defineRead({
  name: 'articles-tag',
  tags: (slug: string) => [tags.articles(), tags.tag(slug)],
  load: async (slug: string): Promise<TagPageDto | null> => {
      const prisma = await db();
      const tag = await prisma.tag.findUnique({
        where: { slug },
        select: { slug: true, name: true, description: true, articles: { where: PUBLISHED, orderBy: ORDER.newest, select: summarySelect } },
      });
      if (!tag || tag.articles.length === 0) return null;
      return { tag: { slug: tag.slug, name: tag.name, description: tag.description }, items: tag.articles.map(toSummaryDto) };
  },
  revalidate: ARTICLE_TTL_SECONDS,
});

/** A published article by slug, or null (unknown, draft, malformed slug). Memoised per request. */
export const getPublishedArticle = cache((slug: string): Promise<ArticleDto | null> => (isValidSlug(slug) ? publishedArticle(slug) : Promise.resolve(null)));

export const publishedArticle = defineRead({
  name: 'article',
  tags: (slug: string) => [tags.article(slug)],
  load: async (slug: string): Promise<ArticleDto | null> => {
      const prisma = await db();
      const row = await prisma.article.findFirst({
        where: { slug, ...PUBLISHED },
        // The author's display name only: never the e-mail (this is public, shared HTML).
        select: { ...summarySelect, id: true, html: true, author: { select: { displayName: true } } },
      });
      if (!row) return null;
      return { ...toSummaryDto(row), id: row.id, html: row.html, authorName: authorName(row.author?.displayName) };
  },
  revalidate: ARTICLE_TTL_SECONDS,
});

/** Up to three published articles sharing the most tags with this one. */
export function relatedArticles(article: { slug: string; tags: TagRefDto[] }): Promise<ArticleSummaryDto[]> {
  const tagSlugs = article.tags.map((t) => t.slug);
  return tagSlugs.length === 0 ? Promise.resolve([]) : relatedTo(article.slug, tagSlugs);
}

export const relatedTo = defineRead({
  name: 'articles-related',
  tags: () => [tags.articles()],
  load: async (slug: string, tagSlugs: readonly string[]): Promise<ArticleSummaryDto[]> => {
      const prisma = await db();
      const rows = await prisma.article.findMany({
        where: { ...PUBLISHED, slug: { not: slug }, tags: { some: { slug: { in: [...tagSlugs] } } } },
        select: summarySelect,
      });
      return pickRelated({ slug, tags: tagSlugs.map((t) => ({ slug: t, name: t })) }, rows.map(toSummaryDto), MAX_RELATED);
  },
  revalidate: ARTICLE_TTL_SECONDS,
});

/** How many of the newest articles a feed carries. */
export const FEED_SIZE = 20;

export interface FeedDto {
  /** null: the whole site's feed. */
  tag: (TagRefDto & { description: string | null }) | null;
  items: (ArticleSummaryDto & { authorName: string })[];
}

/** The newest published articles, of one tag or all; null for an unknown tag or one with none. */
export const getFeedData = cache((tagSlug?: string): Promise<FeedDto | null> => (tagSlug === undefined || isValidSlug(tagSlug, TAG_SLUG_MAX) ? feedData(tagSlug ?? '') : Promise.resolve(null)));

export const feedData = defineRead({
  name: 'articles-feed',
  // Like the listings: any publish, edit or unpublish changes a feed; a tag feed also shows its tag's name.
  tags: (tagSlug: string) => (tagSlug ? [tags.articles(), tags.tag(tagSlug)] : [tags.articles()]),
  load: async (tagSlug: string): Promise<FeedDto | null> => {
    const prisma = await db();
    const tag = tagSlug ? await prisma.tag.findUnique({ where: { slug: tagSlug }, select: { slug: true, name: true, description: true } }) : null;
    if (tagSlug && !tag) return null;
    const rows = await prisma.article.findMany({
      where: { ...PUBLISHED, ...(tagSlug ? { tags: { some: { slug: tagSlug } } } : {}) },
      orderBy: ORDER.newest,
      take: FEED_SIZE,
      select: { ...summarySelect, author: { select: { displayName: true } } },
    });
    if (tagSlug && rows.length === 0) return null;
    return { tag, items: rows.map((row) => ({ ...toSummaryDto(row), authorName: authorName(row.author?.displayName) })) };
  },
  revalidate: ARTICLE_TTL_SECONDS,
});

export interface SitemapDto {
  articles: { slug: string; updatedAt: string }[];
  tags: { slug: string; lastModified: string }[];
}

/** Every published article, and every tag with at least one (lastModified = its newest edit). */
export const sitemapData = defineRead({
  name: 'articles-sitemap',
  tags: () => [tags.articles()],
  load: async (): Promise<SitemapDto> => {
      const prisma = await db();
      const rows = await prisma.article.findMany({
        where: PUBLISHED,
        orderBy: ORDER.newest,
        select: { slug: true, updatedAt: true, tags: { select: { slug: true } } },
      });
      const tagModified = new Map<string, string>();
      for (const row of rows) {
        const updatedAt = row.updatedAt.toISOString();
        for (const t of row.tags) {
          const seen = tagModified.get(t.slug);
          if (!seen || seen < updatedAt) tagModified.set(t.slug, updatedAt);
        }
      }
      return {
        articles: rows.map((r) => ({ slug: r.slug, updatedAt: r.updatedAt.toISOString() })),
        tags: [...tagModified].sort(([a], [b]) => a.localeCompare(b)).map(([slug, lastModified]) => ({ slug, lastModified })),
      };
  },
  revalidate: ARTICLE_TTL_SECONDS,
});

/* ---------------------------------------------------------- per-user, cached privately -- */

/** Ids of the articles the user marked as read. Per user: never part of a public page. */
export const readArticleIds = defineUserRead({
  name: 'article-reads',
  tags: (userId: string) => [tags.reads(userId)],
  load: async (userId: string): Promise<string[]> => {
    const prisma = await db();
    const rows = await prisma.articleRead.findMany({ where: { userId }, select: { articleId: true } });
    return rows.map((r) => r.articleId);
  },
});

/* ------------------------------------------------------------------- admin, uncached -- */
// Admin pages read the database directly: editors must see their own writes at once, and
// caching a handful of admin views is not worth a second set of tags to keep right.

export interface AdminArticleRow {
  id: string;
  slug: string;
  title: string;
  status: 'DRAFT' | 'PUBLISHED';
  publishedAt: Date | null;
  updatedAt: Date;
  tags: TagRefDto[];
}

export async function adminListArticles(): Promise<AdminArticleRow[]> {
  const prisma = await db();
  return prisma.article.findMany({
    orderBy: [{ updatedAt: 'desc' }, { slug: 'asc' }],
    select: { id: true, slug: true, title: true, status: true, publishedAt: true, updatedAt: true, tags: { select: { slug: true, name: true }, orderBy: { name: 'asc' } } },
  });
}

export interface AdminArticle extends AdminArticleRow {
  summary: string;
  markdown: string;
  tagIds: string[];
}

export async function adminGetArticle(id: string): Promise<AdminArticle | null> {
  if (!id || id.length > 40) return null;
  const prisma = await db();
  const row = await prisma.article.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      markdown: true,
      status: true,
      publishedAt: true,
      updatedAt: true,
      tags: { select: { id: true, slug: true, name: true }, orderBy: { name: 'asc' } },
    },
  });
  if (!row) return null;
  return { ...row, tags: row.tags.map(({ slug, name }) => ({ slug, name })), tagIds: row.tags.map((t) => t.id) };
}

export interface AdminTagRow {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  articleCount: number;
  publishedCount: number;
}

async function queryTags(where: Prisma.TagWhereInput): Promise<AdminTagRow[]> {
  const prisma = await db();
  const rows = await prisma.tag.findMany({
    where,
    orderBy: { name: 'asc' },
    select: { id: true, slug: true, name: true, description: true, articles: { select: { status: true } } },
  });
  return rows.map(({ articles, ...tag }) => ({
    ...tag,
    articleCount: articles.length,
    publishedCount: articles.filter((a) => a.status === 'PUBLISHED').length,
  }));
}

export function adminListTags(): Promise<AdminTagRow[]> {
  return queryTags({});
}

export async function adminGetTag(id: string): Promise<AdminTagRow | null> {
  if (!id || id.length > 40) return null;
  return (await queryTags({ id }))[0] ?? null;
}
