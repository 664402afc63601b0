import Link from 'next/link';
import type { ArticleSummaryDto, TagRefDto } from '@/lib/articles/reads';
import { formatArticleDate } from '@/lib/articles/format';
import { articlePath, tagPath } from '@/lib/articles/urls';

export function TagLinks({ tags, label = 'Tags' }: { tags: TagRefDto[]; label?: string }) {
  if (tags.length === 0) return null;
  return (
    // role="list": a name on a list needs an explicit role (a plain <ul> may not carry aria-label).
    <ul className="tags" role="list" aria-label={label}>
      {tags.map((t) => (
        <li key={t.slug}>
          <Link className="tag" href={tagPath(t.slug)}>
            {t.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Published date and reading time: "14 March 2025 · 6 min read". */
export function ArticleMeta({ article }: { article: Pick<ArticleSummaryDto, 'publishedAt' | 'readingMinutes'> }) {
  return (
    <p className="muted article-meta">
      <time dateTime={article.publishedAt}>{formatArticleDate(article.publishedAt)}</time> · {`${article.readingMinutes} min read`}
    </p>
  );
}

/** Article cards; `headingLevel` keeps the page outline right (h2 on listings, h3 under "Related"). */
export function ArticleList({ articles, headingLevel = 2 }: { articles: ArticleSummaryDto[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ol className="article-list">
      {articles.map((a) => (
        <li key={a.slug} className="card">
          <article>
            <Heading className="article-list-title">
              <Link href={articlePath(a.slug)}>{a.title}</Link>
            </Heading>
            <ArticleMeta article={a} />
            <p>{a.summary}</p>
            <TagLinks tags={a.tags} />
          </article>
        </li>
      ))}
    </ol>
  );
}
