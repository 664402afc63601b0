import { createHash } from 'node:crypto';

/**
 * A text response with a strong ETag (a hash of the body), answered with 304 Not Modified when
 * the request's If-None-Match already names it. For route handlers rendered per request from
 * cached data (feeds, sitemap, robots): Next only adds ETags to the pages it renders itself.
 */
export function conditionalResponse(request: Request, body: string, headers: { contentType: string; cacheControl: string }): Response {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const common = { ETag: etag, 'Cache-Control': headers.cacheControl };
  if (ifNoneMatchHits(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers: common });
  return new Response(request.method === 'HEAD' ? null : body, { headers: { ...common, 'Content-Type': headers.contentType } });
}

/** RFC 9110 13.1.2: `*`, or a list of tags compared weakly (a `W/` prefix is ignored). */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => bare(tag) === bare(etag));
}
