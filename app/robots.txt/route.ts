import { PROTECTED } from '@/proxy';
import { absoluteUrl } from '@/lib/articles/format';
import { conditionalResponse } from '@/lib/http/conditional';
import { REVALIDATE_EACH_TIME } from '@/lib/http/cache-policy';

// PUBLIC_URL is read when served, not frozen at build time. A route handler rather than
// app/robots.ts so it can carry an ETag and answer 304.
export const dynamic = 'force-dynamic';

export function GET(request: Request): Response {
  const lines = [
    'User-Agent: *',
    'Allow: /',
    // Signed-in areas (the proxy's list: /dashboard, /settings, /admin...) only redirect a
    // crawler to the sign-in page; the API is not content.
    ...[...PROTECTED, '/api'].map((path) => `Disallow: ${path}`),
    '',
    `Sitemap: ${absoluteUrl('/sitemap.xml')}`,
    '',
  ];
  return conditionalResponse(request, lines.join('\n'), { contentType: 'text/plain; charset=utf-8', cacheControl: REVALIDATE_EACH_TIME });
}
