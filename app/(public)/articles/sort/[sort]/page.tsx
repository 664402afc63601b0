import type { Metadata } from 'next';
import { ArticleIndex, indexMetadata, indexState, type IndexParams } from '../../index-view';
import '../../articles.css';

// ISR: the index (`/articles` is rewritten here as sort=newest, see lib/articles/urls.ts) is
// rendered on first request and cached whole until the `articles` tag it read is invalidated,
// or after an hour. Nothing renders at build time (no database there). Never reads the session.
export const revalidate = 3600;
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ sort: string }[]> {
  return [];
}

export async function generateMetadata({ params }: { params: IndexParams }): Promise<Metadata> {
  return indexMetadata(await indexState(params));
}

export default async function SortedIndexPage({ params }: { params: IndexParams }) {
  return <ArticleIndex search={await indexState(params)} />;
}
