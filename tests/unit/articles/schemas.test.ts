import { describe, expect, it } from 'vitest';
import { articleFormFields, articleFormSchema, tagFormSchema } from '@/lib/articles/schemas';

const valid = {
  title: 'How many buy-ins do you need?',
  slug: '',
  summary: 'A practical rule for sizing a cash game bankroll.',
  markdown: 'Some **text**.',
  tagIds: [],
};

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => String(i.path[0]));

describe('articleFormSchema', () => {
  it('derives the slug from the title when left empty', () => {
    const parsed = articleFormSchema.parse(valid);
    expect(parsed.slug).toBe('how-many-buy-ins-do-you-need');
  });

  it('keeps a valid hand-written slug (lowercased)', () => {
    expect(articleFormSchema.parse({ ...valid, slug: ' Buy-Ins-101 ' }).slug).toBe('buy-ins-101');
  });

  it.each(['has space', 'double--hyphen', '-leading', 'ümlaut', 'x'.repeat(81)])('rejects the slug %j', (slug) => {
    expect(errorsOf(articleFormSchema.safeParse({ ...valid, slug }))).toContain('slug');
  });

  it('asks for a slug when the title has nothing to make one from', () => {
    expect(errorsOf(articleFormSchema.safeParse({ ...valid, title: '♠♥♦♣♠' }))).toContain('slug');
  });

  it('enforces the title, summary and body limits', () => {
    expect(errorsOf(articleFormSchema.safeParse({ ...valid, title: 'Tilt' }))).toContain('title');
    expect(errorsOf(articleFormSchema.safeParse({ ...valid, title: 'x'.repeat(161) }))).toContain('title');
    expect(errorsOf(articleFormSchema.safeParse({ ...valid, summary: 'Too short.' }))).toContain('summary');
    expect(errorsOf(articleFormSchema.safeParse({ ...valid, summary: 'x'.repeat(301) }))).toContain('summary');
    expect(errorsOf(articleFormSchema.safeParse({ ...valid, markdown: '   \n ' }))).toContain('markdown');
    expect(errorsOf(articleFormSchema.safeParse({ ...valid, markdown: 'x'.repeat(100_001) }))).toContain('markdown');
    expect(articleFormSchema.safeParse({ ...valid, markdown: 'x'.repeat(100_000) }).success).toBe(true);
  });

  it('normalises line endings and drops duplicate tags', () => {
    const parsed = articleFormSchema.parse({ ...valid, markdown: 'a\r\nb\rc', tagIds: ['t1', 't1', 't2'] });
    expect(parsed.markdown).toBe('a\nb\nc');
    expect(parsed.tagIds).toEqual(['t1', 't2']);
  });

  it('reads repeated checkbox values from FormData', () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ title: valid.title, summary: valid.summary, markdown: valid.markdown })) form.set(k, v);
    form.append('tagIds', 'a');
    form.append('tagIds', 'b');
    expect(articleFormSchema.parse(articleFormFields(form)).tagIds).toEqual(['a', 'b']);
  });
});

describe('tagFormSchema', () => {
  it('derives the slug from the name and empties a blank description', () => {
    expect(tagFormSchema.parse({ name: 'Pot-limit Omaha', slug: '', description: ' ' })).toEqual({ name: 'Pot-limit Omaha', slug: 'pot-limit-omaha', description: null });
  });

  it('enforces name and slug limits', () => {
    expect(errorsOf(tagFormSchema.safeParse({ name: 'x' }))).toContain('name');
    expect(errorsOf(tagFormSchema.safeParse({ name: 'Variance', slug: 'x'.repeat(61) }))).toContain('slug');
  });
});
