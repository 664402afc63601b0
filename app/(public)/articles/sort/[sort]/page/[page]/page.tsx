import type { Metadata } from 'next';
import { ArticleIndex, indexMetadata, indexState, type IndexParams } from '../../../../index-view';
import '../../../../articles.css';

// ISR like page 1 (../../page.tsx); `/articles/page/N` is rewritten here as sort=newest.
export const revalidate = 3600;
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ sort: string; page: string }[]> {
  return [];
}

export async function generateMetadata({ params }: { params: IndexParams }): Promise<Metadata> {
  return indexMetadata(await indexState(params));
}

export default async function IndexPageN({ params }: { params: IndexParams }) {
  return <ArticleIndex search={await indexState(params)} />;
}
