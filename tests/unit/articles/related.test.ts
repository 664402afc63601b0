import { describe, expect, it } from 'vitest';
import { pickRelated } from '@/lib/articles/related';

const a = (slug: string, tags: string[], publishedAt = '2025-01-01') => ({ slug, publishedAt, tags: tags.map((t) => ({ slug: t })) });

describe('pickRelated', () => {
  const self = a('self', ['x', 'y', 'z']);

  it('ranks by shared tags, then newest, and excludes the article itself', () => {
    const picked = pickRelated(self, [a('self', ['x', 'y', 'z']), a('one', ['x']), a('three', ['x', 'y', 'z']), a('two-old', ['x', 'y'], '2024-01-01'), a('two-new', ['y', 'z'], '2025-06-01')]);
    expect(picked.map((p) => p.slug)).toEqual(['three', 'two-new', 'two-old']);
  });

  it('leaves out articles without a shared tag and returns at most three', () => {
    expect(pickRelated(self, [a('none', ['q'])])).toEqual([]);
    expect(pickRelated(self, ['a', 'b', 'c', 'd', 'e'].map((s) => a(s, ['x'])))).toHaveLength(3);
  });

  it('breaks full ties by slug so the choice is stable', () => {
    expect(pickRelated(self, [a('b', ['x']), a('a', ['x'])]).map((p) => p.slug)).toEqual(['a', 'b']);
  });
});
