import { describe, expect, it } from 'vitest';
import { isValidSlug, slugify, SLUG_MAX_LENGTH } from '@/lib/articles/slug';

describe('slugify', () => {
  it.each([
    ['How Many Buy-ins Do You Need?', 'how-many-buy-ins-do-you-need'],
    ["Don't tilt: why hold'em players go broke", 'dont-tilt-why-holdem-players-go-broke'],
    ['  Risk --- of   Ruin!!  ', 'risk-of-ruin'],
    ['Café, crème brûlée & naïve résumé', 'cafe-creme-brulee-naive-resume'],
    ['Straße Øresund Łódź Æther', 'strasse-oresund-lodz-aether'],
    ['NL2 → NL10 in 30 days (2024)', 'nl2-nl10-in-30-days-2024'],
    ['ＦＵＬＬＷＩＤＴＨ １２３', 'fullwidth-123'],
    ['$1/$2 live cash', '1-2-live-cash'],
    ['♠♥♦♣', ''],
    ['', ''],
  ])('%j -> %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('cuts long titles at a word boundary within 80 characters', () => {
    const title = 'The complete guide to bankroll management for online and live tournament poker players in every format';
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(title.toLowerCase().replace(/ /g, '-').startsWith(slug)).toBe(true);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug).toBe('the-complete-guide-to-bankroll-management-for-online-and-live-tournament-poker');
  });

  it('cuts a single very long word hard', () => {
    const slug = slugify('a'.repeat(200));
    expect(slug).toBe('a'.repeat(80));
  });

  it('always produces valid slugs for non-empty results', () => {
    for (const title of ['Hello World', 'x'.repeat(300), 'Ünïcödé — test', 'a - b - c', '100% win-rate?']) {
      const slug = slugify(title);
      expect(isValidSlug(slug)).toBe(true);
    }
  });
});

describe('isValidSlug', () => {
  it.each(['a', 'abc', 'risk-of-ruin', 'nl2-to-nl10', '2024'])('accepts %j', (slug) => {
    expect(isValidSlug(slug)).toBe(true);
  });

  it.each(['', '-a', 'a-', 'a--b', 'A-b', 'a_b', 'a b', 'café', '../etc', 'a/b', 'x'.repeat(81)])('rejects %j', (slug) => {
    expect(isValidSlug(slug)).toBe(false);
  });

  it('honours a custom maximum length', () => {
    expect(isValidSlug('x'.repeat(100), 120)).toBe(true);
    expect(isValidSlug('abcdef', 5)).toBe(false);
  });
});
