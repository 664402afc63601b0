import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTagPage } from '@/lib/articles/reads';
import { ORGANIZATION_NAME } from '@/lib/articles/json-ld';
import { ARTICLES_PATH, feedAlternates, tagPath } from '@/lib/articles/urls';
import { ArticleList } from '../../article-list';
import { SITE_IMAGE } from '../../../share-image-meta';
import '../../articles.css';

// ISR: rendered on first request, then served from the cache handler until a tag it read
// (`articles`, `tag:<slug>`) is invalidated by an edit, or after an hour. Nothing is rendered
// at build time, so `next build` never opens the database. No session access here, ever.
export const revalidate = 3600;
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ tag: string }[]> {
  return [];
}

type Params = Promise<{ tag: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const page = await getTagPage((await params).tag);
  if (!page) return { title: 'Tag not found', robots: { index: false } };
  const title = `${page.tag.name} articles`;
  const description = page.tag.description ?? `Strategy articles about ${page.tag.name.toLowerCase()}.`;
  const url = tagPath(page.tag.slug);
  return {
    title,
    description,
    alternates: { canonical: url, types: feedAlternates(page.tag) },
    openGraph: { type: 'website', title, description, url, siteName: ORGANIZATION_NAME, images: [SITE_IMAGE] },
    twitter: { card: 'summary_large_image', title, description, images: [SITE_IMAGE] },
  };
}

export default async function TagPage({ params }: { params: Params }) {
  const page = await getTagPage((await params).tag);
  if (!page) notFound();
  return (
    <>
      <p>
        <Link href={ARTICLES_PATH}>← All articles</Link>
      </p>
      <h1>{page.tag.name}</h1>
      {page.tag.description && <p className="lead">{page.tag.description}</p>}
      <p className="muted">
        {page.items.length} {page.items.length === 1 ? 'article' : 'articles'}
      </p>
      <ArticleList articles={page.items} />
    </>
  );
}
