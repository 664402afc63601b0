// Properties of the admin article and tag forms (admin/articles/actions.ts, admin/tags/actions.ts),
// their hidden ids (admin/form-helpers.ts) and the slugs the read marks use
// (articles/[slug]/read-actions.ts checks them with isValidSlug).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idSchema as adminIdSchema } from '@/lib/fields/form-fields';
import {
  articleFormSchema,
  MARKDOWN_MAX,
  MAX_TAGS_PER_ARTICLE,
  SUMMARY_MAX,
  SUMMARY_MIN,
  TAG_DESCRIPTION_MAX,
  TAG_NAME_MAX,
  TAG_NAME_MIN,
  TAG_SLUG_MAX,
  TITLE_MAX,
  TITLE_MIN,
} from '@/lib/articles/schemas';
import { isValidSlug, slugify, SLUG_MAX_LENGTH } from '@/lib/articles/slug';
import { tagFormSchema } from '@/lib/articles/schemas';
import { PAYLOADS, RUNS, codePoints, expectOnlyFieldError, expectValid, nonStrings, padding, typedName } from './support';

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Free text of min..max code points as typed (padding, payloads, any script). */
function typedProse(min: number, max: number) {
  return fc
    .tuple(padding, fc.constantFrom('', ...PAYLOADS, 'Bankroll rules for PLO'), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(max), padding)
    .map(([before, lead, rest, fill, after]) => {
      const core = `${lead}${rest}`.padEnd(Math.min(max, Math.max(min, fill % 200)), 'x').trim();
      return { text: before + core + after, expected: core };
    })
    .filter(({ expected }) => codePoints(expected) >= min && codePoints(expected) <= max && !expected.includes('\u0000') && !LONE_SURROGATE.test(expected));
}

const slug = (max: number) => fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,12}){0,4}$/).filter((s) => s.length <= max);
/** A slug as typed in the optional slug field: any case, padded; stored lowercased. */
const typedSlug = (max: number) => fc.tuple(slug(max), fc.boolean(), fc.constantFrom('', ' ')).map(([s, upper, pad]) => ({ text: pad + (upper ? s.toUpperCase() : s) + pad, expected: s }));

const TAG_IDS = Array.from({ length: MAX_TAGS_PER_ARTICLE }, (_, i) => `cm${String(i).padStart(8, '0')}tag`);

/** Markdown as a browser submits it: CRLF, CR or LF line ends; stored with LF, trimmed. */
const markdown = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom(...PAYLOADS, '# Title', '- item', '**bold**', '| a | b |'), fc.string({ unit: 'grapheme', maxLength: 30 })), { minLength: 1, maxLength: 6 }), fc.constantFrom('\r\n', '\n', '\r'))
  .map(([lines, eol]) => lines.join(eol))
  .filter((md) => md.trim() !== '' && !md.includes('\u0000'))
  .map((md) => ({ text: md, expected: md.replace(/\r\n?/g, '\n').trim() }));

const articleForm = fc.record({
  title: typedProse(TITLE_MIN, TITLE_MAX).map((t) => ({ text: `Poker ${t.text}`, expected: `Poker ${t.text}`.trim() })).filter((t) => codePoints(t.expected) <= TITLE_MAX),
  slug: fc.option(typedSlug(SLUG_MAX_LENGTH), { nil: undefined }),
  summary: typedProse(SUMMARY_MIN, SUMMARY_MAX),
  markdown,
  tagIds: fc.array(fc.tuple(fc.constantFrom(...TAG_IDS), fc.constantFrom('', ' ')), { maxLength: 30 }),
});
type ArticleForm = typeof articleForm extends fc.Arbitrary<infer T> ? T : never;
const articleInput = (f: ArticleForm) => ({
  title: f.title.text,
  slug: f.slug?.text,
  summary: f.summary.text,
  markdown: f.markdown.text,
  tagIds: f.tagIds.map(([id, pad]) => pad + id + pad),
});

describe('articleFormSchema (createArticleAction, updateArticleAction)', () => {
  it('round-trips: trimmed text, LF markdown, slug given or derived from the title, unique tags', () => {
    fc.assert(
      fc.property(articleForm, (f) => {
        const parsed = expectValid(articleFormSchema.safeParse(articleInput(f)));
        expect(parsed).toEqual({
          title: f.title.expected,
          slug: f.slug?.expected ?? slugify(f.title.expected),
          summary: f.summary.expected,
          markdown: f.markdown.expected,
          tagIds: [...new Set(f.tagIds.map(([id]) => id))],
        });
      }),
      { numRuns: 100 },
    );
  });

  it('keeps the longest allowed article intact', () => {
    const long = 'x'.repeat(MARKDOWN_MAX);
    expect(expectValid(articleFormSchema.safeParse({ title: 'Long read', summary: 's'.repeat(SUMMARY_MIN), markdown: long })).markdown).toBe(long);
  });

  const tooMany = fc.array(fc.stringMatching(/^[a-z0-9]{12}$/), { minLength: MAX_TAGS_PER_ARTICLE + 1, maxLength: 40 }).filter((ids) => new Set(ids).size > MAX_TAGS_PER_ARTICLE);
  it.each([
    ['title', fc.oneof(fc.constantFrom('', '    ', 'abcd', 'Tit\u0000le', '🂡🂡🂡🂡'), fc.integer({ min: TITLE_MAX + 1, max: 10_000 }).map((n) => 'T'.repeat(n)), nonStrings)],
    ['slug', fc.constantFrom('not a slug', 'a--b', '-a', 'a-', '日本', 'a_b', "'; drop", '<script>', 's'.repeat(SLUG_MAX_LENGTH + 1), 's'.repeat(10_000))],
    ['summary', fc.oneof(fc.constantFrom('', 'too short', `${'s'.repeat(SUMMARY_MIN)}\u0000`), fc.integer({ min: SUMMARY_MAX + 1, max: 10_000 }).map((n) => 'S'.repeat(n)), nonStrings)],
    ['markdown', fc.oneof(fc.constantFrom('', ' \r\n\t ', 'text\u0000'), fc.constant('m'.repeat(MARKDOWN_MAX + 1)), nonStrings)],
    ['tagIds', fc.oneof(tooMany, fc.constantFrom([''], ['  '], ['id\u0000'], ['i'.repeat(41)]))],
  ])('refuses a bad %s with a message on that field only', (field, bad) => {
    fc.assert(
      fc.property(articleForm, bad, (f, value) => {
        const input = { ...articleInput(f), slug: f.slug?.text ?? 'a-valid-slug', [field]: value };
        const result = articleFormSchema.safeParse(input);
        expectOnlyFieldError(result, Object.fromEntries(Object.entries(input).filter(([k]) => k !== 'tagIds')), field);
      }),
      { numRuns: 50 },
    );
  });

  it('asks for a slug when the title has no letter or digit to make one from', () => {
    const input = { title: '🂡🂡🂡🂡🂡 ♠️', summary: 's'.repeat(SUMMARY_MIN), markdown: 'text' };
    expectOnlyFieldError(articleFormSchema.safeParse(input), input, 'slug');
  });
});

describe('tagFormSchema (createTagAction, updateTagAction)', () => {
  const form = fc.record({
    name: typedName(TAG_NAME_MIN, TAG_NAME_MAX).map((n) => ({ text: `Tag ${n.text}`, expected: `Tag ${n.text}`.trim() })).filter((n) => codePoints(n.expected) <= TAG_NAME_MAX),
    slug: fc.option(typedSlug(TAG_SLUG_MAX), { nil: undefined }),
    description: fc.option(typedProse(0, TAG_DESCRIPTION_MAX), { nil: undefined }),
  });

  it('round-trips: trimmed name, slug given or derived, empty description = none', () => {
    fc.assert(
      fc.property(form, (f) => {
        const parsed = expectValid(tagFormSchema.safeParse({ name: f.name.text, slug: f.slug?.text, description: f.description?.text }));
        expect(parsed).toEqual({ name: f.name.expected, slug: f.slug?.expected ?? slugify(f.name.expected, TAG_SLUG_MAX), description: f.description?.expected || null });
      }),
      RUNS,
    );
  });

  it.each([
    ['name', fc.oneof(fc.constantFrom('', 'x', 'ta\u0000g'), fc.integer({ min: TAG_NAME_MAX + 1, max: 10_000 }).map((n) => 'n'.repeat(n)), nonStrings)],
    ['slug', fc.constantFrom('Not a slug', 'a--b', 's'.repeat(TAG_SLUG_MAX + 1))],
    ['description', fc.oneof(fc.constantFrom('de\u0000sc'), fc.integer({ min: TAG_DESCRIPTION_MAX + 1, max: 10_000 }).map((n) => 'd'.repeat(n)))],
  ])('refuses a bad %s with a message on that field only', (field, bad) => {
    fc.assert(
      fc.property(form, bad, (f, value) => {
        const input = { name: f.name.text, slug: f.slug?.text ?? 'tag-slug', description: f.description?.text, [field]: value };
        expectOnlyFieldError(tagFormSchema.safeParse(input), input, field);
      }),
      { numRuns: 50 },
    );
  });
});

describe('ids and slugs from hidden fields and URLs', () => {
  it('row ids (the one id rule of every form): id-safe characters only, at most 64', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.stringMatching(/^[A-Za-z0-9_-]{1,70}$/), fc.constantFrom(...PAYLOADS)), (id) => {
        expect(adminIdSchema.safeParse(id).success).toBe(/^[A-Za-z0-9_-]{1,64}$/.test(id));
      }),
      RUNS,
    );
  });

  it('slugify always yields a valid slug or nothing; isValidSlug never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 1, max: 120 }), (text, max) => {
        const made = slugify(text, max);
        expect(made === '' || isValidSlug(made, max)).toBe(true);
        expect(typeof isValidSlug(text)).toBe('boolean');
      }),
      RUNS,
    );
  });
});
