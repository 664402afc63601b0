/**
 * Prisma's `contains`/`equals` with `mode: 'insensitive'` become SQL ILIKE
 * without escaping, so `%` and `_` typed by a user would act as wildcards
 * ("100%" would match every "100"). PostgreSQL's default LIKE escape
 * character is the backslash: escape it first, then the wildcards.
 */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
