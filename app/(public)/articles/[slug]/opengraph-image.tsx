import { notFound } from 'next/navigation';
import { getPublishedArticle } from '@/lib/articles/reads';
import { SHARE_IMAGE_SIZE, shareCard } from '../../share-card';

// The article's share image (og:image, twitter:image, JSON-LD image). ISR like the page: drawn
// on first request from the tag-cached read (`article:<slug>`), cached whole by the cache
// handler with that tag, so an edit of the title or tags redraws it. Nothing at build time.
export const revalidate = 3600;
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}
export const alt = 'Article title on the StakeEasy share card';
export const size = SHARE_IMAGE_SIZE;
export const contentType = 'image/png';

export default async function ArticleShareImage({ params }: { params: Promise<{ slug: string }> }) {
  const article = await getPublishedArticle((await params).slug);
  if (!article) notFound();
  return shareCard({ title: article.title, label: article.tags[0]?.name });
}
