import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { parseArticleSearch } from '@/lib/articles/search-params';
import { indexPath } from '@/lib/articles/urls';
import { ArticleIndex, indexMetadata } from '../articles/index-view';
import '../articles/articles.css';

// Search results: `/articles?q=...` is rewritten here (next.config.ts, lib/articles/urls.ts).
// Reads searchParams, so it renders per request (its data still comes from the tag-cached
// reads); noindex, canonical to /articles. Without a query it is an old `?sort=&page=` link:
// redirected to the cached page's path.

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  return indexMetadata(parseArticleSearch(await searchParams));
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const search = parseArticleSearch(await searchParams);
  if (!search.q) permanentRedirect(indexPath(search));
  return <ArticleIndex search={search} />;
}
