import { describe, expect, it } from 'vitest';
import { countWords, readingTimeMinutes, WORDS_PER_MINUTE } from '@/lib/articles/reading-time';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('readingTimeMinutes', () => {
  it('is at least one minute, even for empty text', () => {
    expect(readingTimeMinutes('')).toBe(1);
    expect(readingTimeMinutes('Hello')).toBe(1);
  });

  it('is ceil(words / 220)', () => {
    expect(WORDS_PER_MINUTE).toBe(220);
    expect(readingTimeMinutes(words(220))).toBe(1);
    expect(readingTimeMinutes(words(221))).toBe(2);
    expect(readingTimeMinutes(words(440))).toBe(2);
    expect(readingTimeMinutes(words(1000))).toBe(5);
  });

  it('does not count Markdown syntax or link targets as words', () => {
    const md = '## Heading here\n\n**Bold** and [a link](https://example.com/some/long/path "title") | cell |\n\n- item';
    expect(countWords(md)).toBe(8); // Heading here Bold and a link cell item
  });

  it('counts contractions and hyphenated words once', () => {
    expect(countWords("don't play 6-max hold'em")).toBe(4);
  });

  it('ignores front matter and HTML tags', () => {
    expect(countWords('---\ntitle: "A title"\ntags: [a, b]\n---\nOne <b>two</b> three')).toBe(3);
  });
});
