import { describe, it, expect } from 'vitest';
import { loadSeedArticles, loadSeedTags } from '../../prisma/seed/articles';

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Counts words, ignoring Markdown punctuation such as `##`, `-` and table rules. */
function wordCount(markdown: string): number {
  return markdown.split(/\s+/).filter((token) => /[A-Za-z0-9]/.test(token)).length;
}

describe('seed content', () => {
  const tags = loadSeedTags();
  const articles = loadSeedArticles();
  const tagSlugs = new Set(tags.map((t) => t.slug));

  it('has enough articles and tags', () => {
    expect(articles.length).toBeGreaterThanOrEqual(25);
    expect(tags.length).toBeGreaterThanOrEqual(8);
  });

  it('has unique, well-formed tag slugs with names and descriptions', () => {
    expect(tagSlugs.size).toBe(tags.length);
    for (const tag of tags) {
      expect(tag.slug).toMatch(SLUG_RE);
      expect(tag.name.length).toBeGreaterThan(0);
      expect(tag.description.length).toBeGreaterThan(0);
    }
  });

  it('uses every tag in at least two articles', () => {
    for (const tag of tags) {
      const count = articles.filter((a) => a.tags.includes(tag.slug)).length;
      expect(count, `tag ${tag.slug}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('only references existing tags, 1-4 per article', () => {
    for (const article of articles) {
      expect(article.tags.length, article.slug).toBeGreaterThanOrEqual(1);
      expect(article.tags.length, article.slug).toBeLessThanOrEqual(4);
      for (const tag of article.tags) {
        expect(tagSlugs.has(tag), `${article.slug} -> ${tag}`).toBe(true);
      }
    }
  });

  it('has unique slugs and titles in the expected format', () => {
    const slugs = articles.map((a) => a.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(SLUG_RE);
    const titles = articles.map((a) => a.title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('has summaries of 80-200 characters', () => {
    for (const article of articles) {
      expect(article.summary.length, article.slug).toBeGreaterThanOrEqual(80);
      expect(article.summary.length, article.slug).toBeLessThanOrEqual(200);
    }
  });

  it('has bodies of at least 400 words with at least two h2 headings', () => {
    for (const article of articles) {
      expect(wordCount(article.markdown), article.slug).toBeGreaterThanOrEqual(400);
      expect((article.markdown.match(/^## /gm) ?? []).length, article.slug).toBeGreaterThanOrEqual(2);
    }
  });

  it('has valid UTC-midnight dates with updatedAt >= publishedAt', () => {
    for (const article of articles) {
      expect(Number.isNaN(article.publishedAt.getTime())).toBe(false);
      expect(article.publishedAt.toISOString().endsWith('T00:00:00.000Z')).toBe(true);
      expect(article.updatedAt.getTime(), article.slug).toBeGreaterThanOrEqual(article.publishedAt.getTime());
    }
  });

  it('is sorted by publishedAt ascending', () => {
    for (let i = 1; i < articles.length; i++) {
      expect(articles[i].publishedAt.getTime()).toBeGreaterThanOrEqual(articles[i - 1].publishedAt.getTime());
    }
  });

  it('exercises a fenced code block and a blockquote', () => {
    expect(articles.some((a) => /^```/m.test(a.markdown))).toBe(true);
    expect(articles.some((a) => /^> /m.test(a.markdown))).toBe(true);
  });
});
