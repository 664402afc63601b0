import { describe, expect, it } from 'vitest';
import { conditionalResponse, ifNoneMatchHits } from '@/lib/http/conditional';
import { PRIVATE_NO_CACHE, REVALIDATE_EACH_TIME, publicCacheRules } from '@/lib/http/cache-policy';

const headers = { contentType: 'text/plain; charset=utf-8', cacheControl: REVALIDATE_EACH_TIME };

describe('conditionalResponse', () => {
  it('answers 200 with a strong ETag that depends on the body', async () => {
    const res = conditionalResponse(new Request('http://x/feed.xml'), 'one', headers);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('one');
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(res.headers.get('cache-control')).toBe(REVALIDATE_EACH_TIME);
    expect(conditionalResponse(new Request('http://x/'), 'two', headers).headers.get('etag')).not.toBe(res.headers.get('etag'));
  });

  it('answers 304 without a body when If-None-Match names the current ETag, 200 when it is outdated', async () => {
    const etag = conditionalResponse(new Request('http://x/'), 'body', headers).headers.get('etag')!;
    const fresh = conditionalResponse(new Request('http://x/', { headers: { 'if-none-match': `"old", W/${etag}` } }), 'body', headers);
    expect(fresh.status).toBe(304);
    expect(await fresh.text()).toBe('');
    expect(fresh.headers.get('etag')).toBe(etag);
    expect(conditionalResponse(new Request('http://x/', { headers: { 'if-none-match': '"old"' } }), 'body', headers).status).toBe(200);
  });
});

describe('ifNoneMatchHits', () => {
  it.each([
    [null, false],
    ['', false],
    ['*', true],
    ['"a"', true],
    ['W/"a"', true],
    ['"b", "a"', true],
    ['"b"', false],
    ['"a', false],
  ])('%j -> %s', (header, hit) => expect(ifNoneMatchHits(header, '"a"')).toBe(hit));
});

describe('publicCacheRules', () => {
  it('search keys on /articles override the cached-page policy (last rule wins)', () => {
    const rules = publicCacheRules({ articles: '/articles', search: '/search', searchKeys: ['q'] });
    const value = (source: string, query?: string) =>
      rules.filter((r) => r.source === source || r.source === `${source}/:path*`).filter((r) => !r.has || r.has.some((h) => h.key === query)).at(-1)?.headers[0].value;
    expect(value('/articles')).toBe(REVALIDATE_EACH_TIME);
    expect(value('/articles', 'q')).toBe(PRIVATE_NO_CACHE);
    expect(value('/search')).toBe(PRIVATE_NO_CACHE);
    expect(value('/')).toBe(REVALIDATE_EACH_TIME);
  });
});
