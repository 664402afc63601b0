import { describe, expect, it } from 'vitest';
import { escapeLikePattern, normalizeQuery, pageCount, pageNumber, parseArticleSearch, parsePage, parseSort } from '@/lib/articles/search-params';
import { articleRedirects, articleRewrites, articlesHref, feedPath, indexPath, searchPath } from '@/lib/articles/urls';

describe('parseArticleSearch', () => {
  it('reads q, sort and page', () => {
    expect(parseArticleSearch({ q: ' tilt ', sort: 'oldest', page: '2' })).toEqual({ q: 'tilt', sort: 'oldest', page: 2 });
  });

  it('falls back to the defaults when nothing is given', () => {
    expect(parseArticleSearch({})).toEqual({ q: '', sort: 'newest', page: 1 });
  });

  it('takes the first value of a repeated parameter', () => {
    expect(parseArticleSearch({ q: ['rake', 'tilt'], sort: ['title', 'oldest'], page: ['3', '9'] })).toEqual({ q: 'rake', sort: 'title', page: 3 });
  });
});

describe('parseSort', () => {
  it.each(['newest', 'oldest', 'title', 'updated'])('accepts %s', (sort) => expect(parseSort(sort)).toBe(sort));
  it.each([undefined, '', 'NEWEST', 'random', 'title ', '__proto__', 'constructor'])('falls back to newest for %j', (sort) => {
    expect(parseSort(sort)).toBe('newest');
  });
});

describe('parsePage', () => {
  it.each([
    ['1', 1],
    ['7', 7],
    ['10000', 10_000],
  ])('%j -> %d', (raw, page) => expect(parsePage(raw)).toBe(page));

  it.each([undefined, '', '0', '-1', '1.5', '2.0', '+2', ' 2', '0x10', '1e3', 'abc', '01', '10001', '99999999999999999999', 'NaN', 'Infinity'])(
    'falls back to 1 for %j',
    (raw) => expect(parsePage(raw)).toBe(1),
  );
});

describe('normalizeQuery', () => {
  it('trims and collapses whitespace, drops control characters', () => {
    expect(normalizeQuery('  risk \n\t of   ruin\u0000 ')).toBe('risk of ruin');
    expect(normalizeQuery('a\u200Bb')).toBe('a b');
  });

  it('cuts long queries to 100 characters', () => {
    expect(normalizeQuery('x'.repeat(500))).toHaveLength(100);
  });

  it('keeps punctuation and non-ASCII text (search is literal)', () => {
    expect(normalizeQuery('50% "Omaha" café')).toBe('50% "Omaha" café');
  });
});

describe('index URLs (lib/articles/urls.ts)', () => {
  it('puts sort and page in the path and leaves defaults out, so each state has one URL', () => {
    expect(indexPath()).toBe('/articles');
    expect(indexPath({ sort: 'newest', page: 1 })).toBe('/articles');
    expect(indexPath({ page: 2 })).toBe('/articles/page/2');
    expect(indexPath({ sort: 'title' })).toBe('/articles/sort/title');
    expect(indexPath({ sort: 'title', page: 2 })).toBe('/articles/sort/title/page/2');
  });

  it('keeps search in the query string and encodes it', () => {
    expect(articlesHref({ q: 'risk & ruin', page: 3 })).toBe('/articles?q=risk+%26+ruin&page=3');
    expect(articlesHref({ q: '', sort: 'title', page: 2 })).toBe('/articles/sort/title/page/2');
    expect(searchPath({ q: 'tilt', sort: 'oldest' })).toBe('/articles?q=tilt&sort=oldest');
  });

  it('search links round-trip through the parser', () => {
    const state = { q: 'downswing length', sort: 'updated' as const, page: 4 };
    const params = Object.fromEntries(new URL(articlesHref(state), 'http://x').searchParams);
    expect(parseArticleSearch(params)).toEqual(state);
  });

  it('feeds sit beside the index and each tag page', () => {
    expect(feedPath('rss')).toBe('/articles/feed.xml');
    expect(feedPath('atom', 'plo')).toBe('/articles/tag/plo/atom.xml');
  });

  it('rewrites the short URLs onto the sort routes and redirects the long spellings back', () => {
    const rewrites = articleRewrites();
    expect(rewrites.filter((r) => 'has' in r).map((r) => r.destination)).toEqual(['/search', '/search', '/search']);
    expect(rewrites).toContainEqual({ source: '/articles', destination: '/articles/sort/newest' });
    expect(articleRedirects()).toContainEqual({ source: '/articles/sort/newest', destination: '/articles', permanent: true });
  });
});

describe('pageNumber', () => {
  it('is null for what a page segment must not be', () => {
    expect(pageNumber('3')).toBe(3);
    for (const raw of ['0', '01', '-1', 'x', '1e3', '10001']) expect(pageNumber(raw)).toBeNull();
  });
});

describe('pageCount', () => {
  it('is at least one page', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(10)).toBe(1);
    expect(pageCount(11)).toBe(2);
    expect(pageCount(26)).toBe(3);
  });
});

describe('escapeLikePattern', () => {
  it('makes %, _ and the backslash literal for LIKE', () => {
    expect(escapeLikePattern('100% of_it \\ ok')).toBe('100\\% of\\_it \\\\ ok');
    expect(escapeLikePattern('plain words')).toBe('plain words');
  });
});
