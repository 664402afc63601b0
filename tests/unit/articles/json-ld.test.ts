import { describe, expect, it } from 'vitest';
import { buildArticleJsonLd, buildWebSiteJsonLd, serializeJsonLd, TEAM_AUTHOR_NAME } from '@/lib/articles/json-ld';
import { searchUrlTemplate } from '@/lib/articles/urls';

const input = {
  title: 'Risk of ruin explained',
  summary: 'What risk of ruin means for a poker bankroll.',
  url: 'https://stakeeasy.example/articles/risk-of-ruin',
  publishedAt: '2025-03-14T00:00:00.000Z',
  updatedAt: '2025-04-01T00:00:00.000Z',
  authorName: 'Jane Grinder',
  tags: ['Variance', 'Bankroll management'],
  image: 'https://stakeeasy.example/articles/risk-of-ruin/opengraph-image',
};

describe('buildArticleJsonLd', () => {
  it('describes the article', () => {
    expect(buildArticleJsonLd(input)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: 'Risk of ruin explained',
      description: 'What risk of ruin means for a poker bankroll.',
      image: ['https://stakeeasy.example/articles/risk-of-ruin/opengraph-image'],
      datePublished: '2025-03-14T00:00:00.000Z',
      dateModified: '2025-04-01T00:00:00.000Z',
      author: { '@type': 'Person', name: 'Jane Grinder' },
      publisher: { '@type': 'Organization', name: 'StakeEasy' },
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://stakeeasy.example/articles/risk-of-ruin' },
      keywords: 'Variance, Bankroll management',
    });
  });

  it('credits the team as an organization', () => {
    expect(buildArticleJsonLd({ ...input, authorName: TEAM_AUTHOR_NAME }).author).toEqual({ '@type': 'Organization', name: 'StakeEasy team' });
  });

  it('shortens very long headlines to 110 characters', () => {
    expect(buildArticleJsonLd({ ...input, title: 'x'.repeat(160) }).headline).toHaveLength(110);
  });
});

describe('serializeJsonLd', () => {
  const hostile = { ...input, title: 'Tilt </script><script>alert(1)</script>', summary: '<!-- & --> \u2028 \u2029' };

  it('cannot close the script element or open a comment', () => {
    const json = serializeJsonLd(buildArticleJsonLd(hostile));
    expect(json).not.toMatch(/<\/script/i);
    expect(json).not.toContain('<');
    expect(json).not.toContain('>');
    expect(json).not.toContain('<!--');
    expect(json).not.toMatch(/[\u2028\u2029]/);
  });

  it('is still the same JSON', () => {
    const data = buildArticleJsonLd(hostile);
    expect(JSON.parse(serializeJsonLd(data))).toEqual(data);
  });
});

describe('buildWebSiteJsonLd', () => {
  it('offers the article search with an unencoded placeholder', () => {
    const data = buildWebSiteJsonLd({ url: 'https://stakeeasy.example/', searchUrlTemplate: searchUrlTemplate('https://stakeeasy.example/') });
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: 'StakeEasy',
      url: 'https://stakeeasy.example/',
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: 'https://stakeeasy.example/articles?q={search_term_string}' },
        'query-input': 'required name=search_term_string',
      },
    });
  });
});
