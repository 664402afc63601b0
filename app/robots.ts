import type { MetadataRoute } from 'next';
import { PROTECTED } from '@/proxy';
import { absoluteUrl } from '@/lib/articles/format';

// PUBLIC_URL is read when served, not frozen at build time.
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return {
    // Signed-in areas (the proxy's list: /dashboard, /settings, /admin...) only redirect a
    // crawler to the sign-in page; the API is not content.
    rules: { userAgent: '*', allow: '/', disallow: [...PROTECTED, '/api'] },
    sitemap: absoluteUrl('/sitemap.xml'),
  };
}
