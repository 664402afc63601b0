/**
 * RSS 2.0 and Atom feeds of the newest published articles (all, or one tag's), built with the
 * `feed` package from a feed read (lib/articles/reads.ts getFeedData). Pure: URLs come in
 * absolute through `absolute`.
 */
import { Feed } from 'feed';
import { ORGANIZATION_NAME } from '@/lib/articles/json-ld';
import { articleImagePath, articlePath, feedPath, indexPath, tagPath, type FeedFormat } from '@/lib/articles/urls';
import type { FeedDto } from '@/lib/articles/reads';

export function renderFeed(data: FeedDto, format: FeedFormat, absolute: (path: string) => string): string {
  const tag = data.tag;
  const newest = data.items.reduce<string | undefined>((max, a) => (!max || a.updatedAt > max ? a.updatedAt : max), undefined);
  const feed = new Feed({
    id: absolute(tag ? tagPath(tag.slug) : indexPath()),
    link: absolute(tag ? tagPath(tag.slug) : indexPath()),
    title: tag ? `${tag.name} · ${ORGANIZATION_NAME} strategy articles` : `${ORGANIZATION_NAME} strategy articles`,
    description: tag?.description ?? (tag ? `Strategy articles about ${tag.name.toLowerCase()}.` : 'Poker bankroll management and strategy articles.'),
    language: 'en',
    // An empty feed is still valid: its date is the epoch rather than "now", so its ETag is stable.
    updated: new Date(newest ?? 0),
    generator: false,
    copyright: `© ${ORGANIZATION_NAME}`,
    feedLinks: { rss: absolute(feedPath('rss', tag?.slug)), atom: absolute(feedPath('atom', tag?.slug)) },
    author: { name: ORGANIZATION_NAME, link: absolute('/') },
  });
  for (const a of data.items) {
    const url = absolute(articlePath(a.slug));
    feed.addItem({
      title: a.title,
      id: url,
      link: url,
      description: a.summary,
      date: new Date(a.updatedAt),
      published: new Date(a.publishedAt),
      author: [{ name: a.authorName }],
      category: a.tags.map((t) => ({ name: t.name, term: t.slug, domain: absolute(tagPath(t.slug)), scheme: absolute(tagPath(t.slug)) })),
      image: { url: absolute(articleImagePath(a.slug)), type: 'image/png' },
    });
  }
  return format === 'rss' ? feed.rss2() : feed.atom1();
}
