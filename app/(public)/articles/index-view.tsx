import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { listPublishedArticles } from '@/lib/articles/reads';
import { ARTICLE_SORTS, SORT_LABELS, isArticleSort, pageNumber, type ArticleSearch } from '@/lib/articles/search-params';
import { ARTICLES_PATH, articlesHref, feedAlternates, indexPath } from '@/lib/articles/urls';
import { ORGANIZATION_NAME } from '@/lib/articles/json-ld';
import { ArticleList } from './article-list';
import { SITE_IMAGE } from '../share-image-meta';

// The article index, shared by the cached index routes (sort and page in the path) and the
// search route (per request). Neither reads the session.

const DESCRIPTION = 'Free poker bankroll management and strategy articles: buy-in rules, variance, moving up, tilt and record keeping.';

export type IndexParams = Promise<{ sort: string; page?: string }>;

/** The state of a cached index route, or a 404 for a sort or page that cannot exist. */
export async function indexState(params: IndexParams): Promise<ArticleSearch> {
  const { sort, page } = await params;
  const number = page === undefined ? 1 : pageNumber(page);
  if (!isArticleSort(sort) || number === null) notFound();
  return { q: '', sort, page: number };
}

export function indexMetadata(search: ArticleSearch): Metadata {
  const title = search.page > 1 ? `Strategy articles, page ${search.page}` : 'Strategy articles';
  const sorted = search.sort === 'newest' ? title : `${title} (${SORT_LABELS[search.sort].toLowerCase()})`;
  // Search results are not a page of their own for search engines: canonical to the index.
  const canonical = search.q ? ARTICLES_PATH : indexPath(search);
  return {
    title: search.q ? `Search: ${search.q}` : sorted,
    description: DESCRIPTION,
    alternates: { canonical, types: feedAlternates() },
    robots: search.q ? { index: false, follow: true } : undefined,
    openGraph: { type: 'website', title: sorted, description: DESCRIPTION, url: canonical, siteName: ORGANIZATION_NAME, images: [SITE_IMAGE] },
    twitter: { card: 'summary_large_image', title: sorted, description: DESCRIPTION, images: [SITE_IMAGE] },
  };
}

function SearchForm({ search }: { search: ArticleSearch }) {
  return (
    <form className="article-search" role="search" action={ARTICLES_PATH} method="get">
      <div className="field">
        <label htmlFor="article-q">Search articles</label>
        <input id="article-q" type="search" name="q" defaultValue={search.q} maxLength={100} placeholder="e.g. downswing" />
      </div>
      {search.sort !== 'newest' && <input type="hidden" name="sort" value={search.sort} />}
      <button type="submit" className="btn btn-primary">
        Search
      </button>
      {search.q && <Link href={indexPath({ sort: search.sort })}>Clear search</Link>}
    </form>
  );
}

function SortLinks({ search }: { search: ArticleSearch }) {
  return (
    <nav aria-label="Sort articles">
      <ul className="sort-links">
        <li className="muted">Sort:</li>
        {ARTICLE_SORTS.map((sort) => (
          <li key={sort}>
            <Link href={articlesHref({ q: search.q, sort })} aria-current={sort === search.sort ? 'true' : undefined}>
              {SORT_LABELS[sort]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Pagination({ search, pageCount }: { search: ArticleSearch; pageCount: number }) {
  if (pageCount <= 1) return null;
  const href = (page: number) => articlesHref({ ...search, page });
  return (
    <nav className="pagination" aria-label="Pages">
      {search.page > 1 ? (
        <Link className="btn btn-small" href={href(search.page - 1)} rel="prev">
          ← Previous
        </Link>
      ) : null}
      <span aria-current="page">{`Page ${search.page} of ${pageCount}`}</span>
      {search.page < pageCount ? (
        <Link className="btn btn-small" href={href(search.page + 1)} rel="next">
          Next →
        </Link>
      ) : null}
    </nav>
  );
}

export async function ArticleIndex({ search }: { search: ArticleSearch }) {
  const result = await listPublishedArticles(search);
  // A page past the end is not an empty page of the archive: it does not exist.
  if (search.page > result.pageCount) notFound();

  return (
    <>
      <h1>Strategy articles</h1>
      <p className="lead">Bankroll management, variance and the habits that keep you playing the right stakes.</p>
      <SearchForm search={search} />
      <SortLinks search={search} />
      <p className="muted" role="status">
        {search.q
          ? `${result.total} ${result.total === 1 ? 'article matches' : 'articles match'} “${search.q}”.`
          : `${result.total} ${result.total === 1 ? 'article' : 'articles'}.`}
      </p>
      {result.items.length === 0 ? (
        <div className="empty">
          <h2>{search.q ? 'No articles match your search' : 'No articles yet'}</h2>
          <p>{search.q ? 'Try a shorter or different word.' : 'New articles are on their way.'}</p>
          {search.q && <Link href={ARTICLES_PATH}>Show all articles</Link>}
        </div>
      ) : (
        <ArticleList articles={result.items} />
      )}
      <Pagination search={search} pageCount={result.pageCount} />
    </>
  );
}
