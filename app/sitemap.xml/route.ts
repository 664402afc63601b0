import { XMLBuilder } from 'fast-xml-parser';
import { sitemapData } from '@/lib/articles/reads';
import { absoluteUrl } from '@/lib/articles/format';
import { articlePath, indexPath, tagPath } from '@/lib/articles/urls';
import { conditionalResponse } from '@/lib/http/conditional';
import { REVALIDATE_EACH_TIME } from '@/lib/http/cache-policy';

// Rendered per request from the tag-cached listing (`articles`): prerendering it at build time
// would open the database during `next build` and freeze it until a rebuild. A route handler
// rather than app/sitemap.ts so it can carry an ETag and answer 304.
export const dynamic = 'force-dynamic';

const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true });

interface Entry {
  loc: string;
  lastmod: string;
  changefreq: 'weekly' | 'monthly';
  priority: number;
}

export async function GET(request: Request): Promise<Response> {
  const data = await sitemapData();
  const newest = data.articles.reduce<string | undefined>((max, a) => (!max || a.updatedAt > max ? a.updatedAt : max), undefined);
  // The home page changes only with a deploy (next.config.ts sets the build time).
  const built = process.env.STAKEEASY_BUILT_AT ?? new Date(0).toISOString();
  const urls: Entry[] = [
    { loc: absoluteUrl('/'), lastmod: built, changefreq: 'monthly', priority: 1 },
    // The index lists every article: it changed when the newest edit happened (or the deploy did).
    { loc: absoluteUrl(indexPath()), lastmod: newest && newest > built ? newest : built, changefreq: 'weekly', priority: 0.8 },
    ...data.articles.map((a) => ({ loc: absoluteUrl(articlePath(a.slug)), lastmod: a.updatedAt, changefreq: 'monthly' as const, priority: 0.7 })),
    ...data.tags.map((t) => ({ loc: absoluteUrl(tagPath(t.slug)), lastmod: t.lastModified, changefreq: 'weekly' as const, priority: 0.5 })),
  ];
  const xml = builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    urlset: { '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9', url: urls },
  }) as string;
  return conditionalResponse(request, xml, { contentType: 'application/xml; charset=utf-8', cacheControl: REVALIDATE_EACH_TIME });
}
