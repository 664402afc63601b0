import type { MetadataRoute } from 'next';
import { sitemapData } from '@/lib/articles/reads';
import { absoluteUrl } from '@/lib/articles/format';

// Rendered per request from the tag-cached listing (`articles`): prerendering it at build
// time would open the database during `next build`, and would freeze it until a rebuild.
export const dynamic = 'force-dynamic';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const data = await sitemapData();
  const newest = data.articles.reduce<string | undefined>((max, a) => (!max || a.updatedAt > max ? a.updatedAt : max), undefined);
  return [
    { url: absoluteUrl('/'), changeFrequency: 'monthly', priority: 1 },
    { url: absoluteUrl('/articles'), ...(newest ? { lastModified: newest } : {}), changeFrequency: 'weekly', priority: 0.8 },
    ...data.articles.map((a) => ({ url: absoluteUrl(`/articles/${a.slug}`), lastModified: a.updatedAt, changeFrequency: 'monthly' as const, priority: 0.7 })),
    ...data.tags.map((t) => ({ url: absoluteUrl(`/articles/tag/${t.slug}`), lastModified: t.lastModified, changeFrequency: 'weekly' as const, priority: 0.5 })),
  ];
}
