/**
 * schema.org `Article` structured data for an article page, and its serialization for an inline
 * `<script type="application/ld+json">`. Titles and summaries are editor input: a "</script>"
 * inside them must not end the script element, so `<`, `>` and `&` are written as JSON escapes
 * (still the same JSON for a parser). U+2028/U+2029 are escaped too for old JS parsers.
 */

export interface ArticleJsonLdInput {
  title: string;
  summary: string;
  /** Absolute URL of the article page. */
  url: string;
  publishedAt: string;
  updatedAt: string;
  authorName: string;
  tags: string[];
  /** Absolute URL of the article's share image. */
  image: string;
}

export interface ArticleJsonLd {
  '@context': 'https://schema.org';
  '@type': 'Article';
  headline: string;
  description: string;
  image: string[];
  datePublished: string;
  dateModified: string;
  author: { '@type': 'Person' | 'Organization'; name: string };
  publisher: { '@type': 'Organization'; name: string };
  mainEntityOfPage: { '@type': 'WebPage'; '@id': string };
  keywords?: string;
}

export const ORGANIZATION_NAME = 'StakeEasy';
export const TEAM_AUTHOR_NAME = 'StakeEasy team';

export function buildArticleJsonLd(input: ArticleJsonLdInput): ArticleJsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    // Google truncates longer headlines; schema.org recommends at most 110 characters.
    headline: input.title.length > 110 ? `${input.title.slice(0, 109)}…` : input.title,
    description: input.summary,
    image: [input.image],
    datePublished: input.publishedAt,
    dateModified: input.updatedAt,
    author: { '@type': input.authorName === TEAM_AUTHOR_NAME ? 'Organization' : 'Person', name: input.authorName },
    publisher: { '@type': 'Organization', name: ORGANIZATION_NAME },
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    ...(input.tags.length ? { keywords: input.tags.join(', ') } : {}),
  };
}

export interface WebSiteJsonLd {
  '@context': 'https://schema.org';
  '@type': 'WebSite';
  name: string;
  url: string;
  potentialAction: { '@type': 'SearchAction'; target: { '@type': 'EntryPoint'; urlTemplate: string }; 'query-input': string };
}

/** The home page's `WebSite` with a SearchAction: search engines may offer the article search. */
export function buildWebSiteJsonLd(input: { url: string; searchUrlTemplate: string }): WebSiteJsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: ORGANIZATION_NAME,
    url: input.url,
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: input.searchUrlTemplate },
      'query-input': 'required name=search_term_string',
    },
  };
}

const UNSAFE_IN_SCRIPT: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** JSON safe to place verbatim between `<script type="application/ld+json">` and `</script>`. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (ch) => UNSAFE_IN_SCRIPT[ch]!);
}
