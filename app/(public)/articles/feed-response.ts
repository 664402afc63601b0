import { getFeedData } from '@/lib/articles/reads';
import { renderFeed } from '@/lib/articles/feeds';
import { absoluteUrl } from '@/lib/articles/format';
import { FEED_TYPES, type FeedFormat } from '@/lib/articles/urls';
import { conditionalResponse } from '@/lib/http/conditional';
import { REVALIDATE_EACH_TIME } from '@/lib/http/cache-policy';

/**
 * A feed route's answer. Rendered per request (a few ms) from the tag-cached feed read, so
 * every publish, edit or unpublish is in the next answer, on every instance; the ETag lets
 * feed readers and CDNs revalidate for a 304 (see lib/http/cache-policy.ts).
 */
export async function feedResponse(request: Request, format: FeedFormat, tagSlug?: string): Promise<Response> {
  const data = await getFeedData(tagSlug);
  if (!data) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': REVALIDATE_EACH_TIME } });
  return conditionalResponse(request, renderFeed(data, format, absoluteUrl), {
    contentType: `${FEED_TYPES[format]}; charset=utf-8`,
    cacheControl: REVALIDATE_EACH_TIME,
  });
}
