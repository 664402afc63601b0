/**
 * URL slugs for articles and tags: lowercase ASCII letters and digits separated by single
 * hyphens ("how-many-buy-ins-do-you-need"). Pure functions, safe on client and server.
 */

export const SLUG_MAX_LENGTH = 80;

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Letters that NFKD does not decompose into an ASCII base letter plus combining marks.
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
};

/**
 * Turns a title into a slug: diacritics removed (NFKD), lowercase ASCII, apostrophes dropped
 * ("Don't" -> "dont"), every other run of non-alphanumerics becomes one hyphen, no hyphen at
 * either end. Longer than `maxLength` (80) it is cut at the last hyphen that fits, so words stay
 * whole, unless that would leave less than half the length (one very long word): then it is
 * cut hard. Returns '' when the title has no ASCII letter or digit at all (e.g. only emoji);
 * callers must handle that case.
 */
export function slugify(title: string, maxLength: number = SLUG_MAX_LENGTH): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßẞæÆœŒøØłŁđĐðÐþÞı]/g, (ch) => TRANSLITERATIONS[ch] ?? ch)
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= maxLength) return ascii;

  const cut = ascii.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf('-');
  const truncated = lastHyphen >= Math.ceil(maxLength / 2) ? cut.slice(0, lastHyphen) : ascii.slice(0, maxLength);
  return truncated.replace(/-+$/, '');
}

/** True for a well-formed slug (what slugify produces) of at most `maxLength` characters. */
export function isValidSlug(value: string, maxLength: number = SLUG_MAX_LENGTH): boolean {
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength && SLUG_PATTERN.test(value);
}
