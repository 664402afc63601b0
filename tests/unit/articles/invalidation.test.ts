import { describe, expect, it } from 'vitest';
import { expire, type Invalidation } from '@/lib/data-cache/invalidation';
import {
  articleInvalidation,
  readMarkInvalidation,
  tagCreateInvalidation,
  tagDeleteInvalidation,
  tagUpdateInvalidation,
  type PublicArticleState,
} from '@/lib/articles/invalidation';

const live = (slug: string, tagSlugs: string[]): PublicArticleState => ({ slug, published: true, tagSlugs });
const draft = (slug: string, tagSlugs: string[]): PublicArticleState => ({ slug, published: false, tagSlugs });

const sorted = (inv: Invalidation) => ({ expire: [...inv.expire].sort(), revalidate: [...inv.revalidate].sort() });

describe('articleInvalidation', () => {
  it('creating or editing a draft touches no public page', () => {
    expect(articleInvalidation(null, draft('a', ['x']))).toEqual({ expire: [], revalidate: [] });
    expect(articleInvalidation(draft('a', ['x']), draft('b', ['y']))).toEqual({ expire: [], revalidate: [] });
    expect(articleInvalidation(draft('a', ['x']), null)).toEqual({ expire: [], revalidate: [] });
  });

  it('publishing expires the listings, its page and its tag pages at once', () => {
    const expected = { expire: ['article:a', 'articles', 'tag:x', 'tag:y'], revalidate: [] };
    expect(sorted(articleInvalidation(draft('a', ['x', 'y']), live('a', ['x', 'y'])))).toEqual(expected);
    expect(sorted(articleInvalidation(null, live('a', ['x', 'y'])))).toEqual(expected);
  });

  it('unpublishing and deleting expire at once, so the article is never served again', () => {
    const expected = { expire: ['article:a', 'articles', 'tag:x'], revalidate: [] };
    expect(sorted(articleInvalidation(live('a', ['x']), draft('a', ['x'])))).toEqual(expected);
    expect(sorted(articleInvalidation(live('a', ['x']), null))).toEqual(expected);
  });

  it('a content edit of a live article revalidates (stale-while-revalidate)', () => {
    expect(sorted(articleInvalidation(live('a', ['x', 'y']), live('a', ['x', 'y'])))).toEqual({
      expire: [],
      revalidate: ['article:a', 'articles', 'tag:x', 'tag:y'],
    });
  });

  it('a slug change expires the old and the new article URL', () => {
    expect(sorted(articleInvalidation(live('old', ['x']), live('new', ['x'])))).toEqual({
      expire: ['article:new', 'article:old'],
      revalidate: ['articles', 'tag:x'],
    });
  });

  it('tags added or removed expire those tag pages; kept tags revalidate', () => {
    expect(sorted(articleInvalidation(live('a', ['keep', 'gone']), live('a', ['keep', 'added'])))).toEqual({
      expire: ['tag:added', 'tag:gone'],
      revalidate: ['article:a', 'articles', 'tag:keep'],
    });
  });

  it('never lists a tag twice or in both lists', () => {
    const inv = articleInvalidation(live('a', ['x', 'x']), live('b', ['x', 'y', 'y']));
    const all = [...inv.expire, ...inv.revalidate];
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('tag mutations', () => {
  it('creating a tag changes no public page', () => {
    expect(tagCreateInvalidation()).toEqual({ expire: [], revalidate: [] });
  });

  it('renaming a tag without published articles changes no public page', () => {
    expect(tagUpdateInvalidation('x', 'y', [])).toEqual({ expire: [], revalidate: [] });
  });

  it('renaming a tag (same slug) revalidates its page, the listings and its articles', () => {
    expect(sorted(tagUpdateInvalidation('x', 'x', ['a', 'b']))).toEqual({
      expire: [],
      revalidate: ['article:a', 'article:b', 'articles', 'tag:x'],
    });
  });

  it('changing a tag slug expires the old and new tag URLs', () => {
    expect(sorted(tagUpdateInvalidation('old', 'new', ['a']))).toEqual({
      expire: ['tag:new', 'tag:old'],
      revalidate: ['article:a', 'articles'],
    });
  });

  it('deleting a tag expires its page and revalidates its articles', () => {
    expect(sorted(tagDeleteInvalidation('x', ['a']))).toEqual({ expire: ['tag:x'], revalidate: ['article:a', 'articles'] });
    expect(tagDeleteInvalidation('x', [])).toEqual({ expire: [], revalidate: [] });
  });
});

describe('readMarkInvalidation', () => {
  it('expires only the reader’s own tags, never a public one', () => {
    const inv = readMarkInvalidation('u1', expire('user:u1:achievements'));
    expect(sorted(inv)).toEqual({ expire: ['user:u1:achievements', 'user:u1:reads'], revalidate: [] });
    expect(inv.expire.some((t) => t === 'articles' || t.startsWith('article:') || t.startsWith('tag:'))).toBe(false);
  });
});
