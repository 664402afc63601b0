/** Validation of the admin article and tag forms (zod). Pure: shared by actions and tests. */
import { z } from 'zod';
import { isStorableText } from '@/lib/domain/text';
import { isValidSlug, slugify, SLUG_MAX_LENGTH } from '@/lib/articles/slug';

export const TITLE_MIN = 5;
export const TITLE_MAX = 160;
export const SUMMARY_MIN = 20;
export const SUMMARY_MAX = 300;
export const MARKDOWN_MAX = 100_000;
export const TAG_NAME_MIN = 2;
export const TAG_NAME_MAX = 60;
export const TAG_SLUG_MAX = 60;
export const TAG_DESCRIPTION_MAX = 300;
export const MAX_TAGS_PER_ARTICLE = 20;

const SLUG_HELP = 'Use lowercase letters, digits and single hyphens, like "risk-of-ruin".';
// PostgreSQL refuses a NUL byte in text: without this the insert failed with a 500.
const UNSTORABLE_MESSAGE = 'Remove the invisible control characters (NUL).';

/** Optional in the form: empty means "derive it from the title (or tag name)". */
const optionalSlug = z
  .string()
  .trim()
  .toLowerCase()
  .max(200, 'That slug is far too long.')
  .optional()
  .transform((v) => v ?? '');

/** Fills in an empty slug with slugify(source) and checks the result. */
function resolveSlug<T extends { slug: string }>(value: T, source: string, maxLength: number, ctx: z.RefinementCtx): T {
  const slug = value.slug || slugify(source, maxLength);
  if (!slug) {
    ctx.addIssue({ code: 'custom', path: ['slug'], message: 'Enter a slug: there are no letters or digits to make one from.' });
  } else if (slug.length > maxLength) {
    ctx.addIssue({ code: 'custom', path: ['slug'], message: `Use at most ${maxLength} characters.` });
  } else if (!isValidSlug(slug, maxLength)) {
    ctx.addIssue({ code: 'custom', path: ['slug'], message: SLUG_HELP });
  }
  return { ...value, slug };
}

const text = (required: string, min: number, max: number) =>
  z
    .string({ error: required })
    .trim()
    .min(min, min <= 1 ? required : `Use at least ${min} characters.`)
    .max(max, `Use at most ${max} characters.`)
    .refine(isStorableText, UNSTORABLE_MESSAGE);

export const articleFormSchema = z
  .object({
    title: text('Enter a title.', TITLE_MIN, TITLE_MAX),
    slug: optionalSlug,
    summary: text('Enter a summary.', SUMMARY_MIN, SUMMARY_MAX),
    markdown: z
      .string({ error: 'Write the article text.' })
      .max(MARKDOWN_MAX, `Use at most ${MARKDOWN_MAX.toLocaleString('en-US')} characters.`)
      .refine((md) => md.trim().length > 0, 'Write the article text.')
      .refine(isStorableText, UNSTORABLE_MESSAGE)
      // Browsers submit textareas with CRLF; store one form so re-saving is not a change.
      .transform((md) => md.replace(/\r\n?/g, '\n').trim()),
    tagIds: z
      // Ids are looked up in the database, where a NUL byte fails the whole query.
      .array(z.string().trim().min(1).max(40).refine(isStorableText))
      .default([])
      .transform((ids) => [...new Set(ids)])
      .refine((ids) => ids.length <= MAX_TAGS_PER_ARTICLE, `Choose at most ${MAX_TAGS_PER_ARTICLE} tags.`),
  })
  .transform((value, ctx) => resolveSlug(value, value.title, SLUG_MAX_LENGTH, ctx));

export type ArticleFormInput = z.output<typeof articleFormSchema>;

export const tagFormSchema = z
  .object({
    name: text('Enter a name.', TAG_NAME_MIN, TAG_NAME_MAX),
    slug: optionalSlug,
    description: z
      .string()
      .trim()
      .max(TAG_DESCRIPTION_MAX, `Use at most ${TAG_DESCRIPTION_MAX} characters.`)
      .refine(isStorableText, UNSTORABLE_MESSAGE)
      .optional()
      .transform((v) => v || null),
  })
  .transform((value, ctx) => resolveSlug(value, value.name, TAG_SLUG_MAX, ctx));

export type TagFormInput = z.output<typeof tagFormSchema>;

/** The form fields as zod expects them (checkbox lists arrive as repeated keys). */
export function articleFormFields(formData: FormData): Record<string, unknown> {
  return {
    title: formData.get('title') ?? undefined,
    slug: formData.get('slug') ?? undefined,
    summary: formData.get('summary') ?? undefined,
    markdown: formData.get('markdown') ?? undefined,
    tagIds: formData.getAll('tagIds').filter((v): v is string => typeof v === 'string'),
  };
}

export function tagFormFields(formData: FormData): Record<string, unknown> {
  return {
    name: formData.get('name') ?? undefined,
    slug: formData.get('slug') ?? undefined,
    description: formData.get('description') ?? undefined,
  };
}
