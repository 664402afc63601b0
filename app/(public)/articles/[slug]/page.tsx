import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getPublishedArticle, relatedArticles } from '@/lib/articles/reads';
import { absoluteUrl, formatArticleDate } from '@/lib/articles/format';
import { ORGANIZATION_NAME, buildArticleJsonLd, serializeJsonLd } from '@/lib/articles/json-ld';
import { ARTICLES_PATH, articleImagePath, articlePath, feedAlternates } from '@/lib/articles/urls';
import { ArticleList, TagLinks } from '../article-list';
import { ReadMark } from './read-mark';
import '../articles.css';

// ISR: rendered on first request and cached whole (HTML + RSC) by the cache handler, carrying
// the data tags read while rendering (`article:<slug>`, `articles`), so an edit's
// revalidateTag/updateTag reaches the page. Nothing renders at build time (no database there).
// The page is shared by every visitor: it must never read cookies or the session. Per-user
// state (read marks) is fetched by <ReadMark> in the browser, after load.
export const revalidate = 3600;
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const article = await getPublishedArticle((await params).slug);
  if (!article) return { title: 'Article not found', robots: { index: false } };
  const url = articlePath(article.slug);
  const tagNames = article.tags.map((t) => t.name);
  return {
    title: article.title,
    description: article.summary,
    authors: [{ name: article.authorName }],
    keywords: tagNames,
    alternates: { canonical: url, types: feedAlternates() },
    openGraph: {
      type: 'article',
      url,
      title: article.title,
      description: article.summary,
      siteName: ORGANIZATION_NAME,
      publishedTime: article.publishedAt,
      modifiedTime: article.updatedAt,
      authors: [article.authorName],
      tags: tagNames,
    },
    // og:image and twitter:image come from ./opengraph-image.tsx (the file convention).
    twitter: { card: 'summary_large_image', title: article.title, description: article.summary },
  };
}

export default async function ArticlePage({ params }: { params: Params }) {
  const article = await getPublishedArticle((await params).slug);
  if (!article) notFound();
  const related = await relatedArticles(article);
  const jsonLd = buildArticleJsonLd({
    title: article.title,
    summary: article.summary,
    url: absoluteUrl(articlePath(article.slug)),
    image: absoluteUrl(articleImagePath(article.slug)),
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    authorName: article.authorName,
    tags: article.tags.map((t) => t.name),
  });

  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
      <p>
        <Link href={ARTICLES_PATH}>← All articles</Link>
      </p>
      <article aria-labelledby="article-title">
        <header className="article-header">
          <h1 id="article-title">{article.title}</h1>
          <p className="muted article-meta">
            By <span data-testid="article-author">{article.authorName}</span> · Published{' '}
            <time dateTime={article.publishedAt}>{formatArticleDate(article.publishedAt)}</time> · Updated <time dateTime={article.updatedAt}>{formatArticleDate(article.updatedAt)}</time>{' '}
            · <span data-testid="reading-time">{`${article.readingMinutes} min read`}</span>
          </p>
          <TagLinks tags={article.tags} />
        </header>
        {/* Sanitized when saved (renderMarkdown), so it is inserted as stored. */}
        <div className="article-body" dangerouslySetInnerHTML={{ __html: article.html }} />
      </article>
      <ReadMark slug={article.slug} />
      {related.length > 0 && (
        <section className="related" aria-labelledby="related-heading">
          <h2 id="related-heading">Related articles</h2>
          <ArticleList articles={related} headingLevel={3} />
        </section>
      )}
    </>
  );
}
