/**
 * The public pages as a crawler sees them, on a served production build (two `next start`
 * instances sharing one Redis, one seeded database), without a browser:
 *  - every SEO tag present and valid: canonical, Open Graph, Twitter large card, feed links,
 *    JSON-LD (parsed), the share images (PNG, 1200x630, read from the PNG header);
 *  - feeds (RSS 2.0, Atom; all and per tag) and the sitemap parsed as XML, lastmod everywhere;
 *  - Cache-Control, ETag / 304 and ISR per page type;
 *  - a draft's URL that answered 404 (and was cached) answers 200 on both instances the moment
 *    the admin publishes it (through the real form), with the index, feed and sitemap following.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Browser } from '@playwright/test';
import { launchBrowser } from '../helpers/browser';
import { startRedis, type RedisServer } from '../helpers/redis-server';
import { createSession, getPage, SESSION_COOKIE, startTwoInstances, type NextServer, type TwoInstances } from '../helpers/next-server';
import { DRAFT_ARTICLE } from '@/prisma/seed/draft-article';
import { ADMIN_USER } from '@/prisma/seed/index';

const PUBLIC_URL = 'https://stakeeasy.example';
const SLUG = 'risk-of-ruin-explained-for-poker-players';
const TITLE = 'Risk of ruin explained for poker players';
const REVALIDATE_EACH_TIME = 'public, max-age=0, must-revalidate';

let app: TwoInstances<RedisServer> | undefined;
let a: NextServer;
let b: NextServer;
let browser: Browser | undefined;

beforeAll(async () => {
  app = await startTwoInstances({ label: 'public', redis: () => startRedis(), env: { PUBLIC_URL } });
  ({ a, b } = app);
}, 15 * 60_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  await app?.stop();
}, 60_000);

// ─────────────────────────────────────────── reading ───────────────────────────────────────────

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

function meta(html: string, attr: 'name' | 'property', key: string): string | undefined {
  const m = new RegExp(`<meta ${attr}="${escape(key)}" content="([^"]*)"`).exec(html);
  return m ? decode(m[1]) : undefined;
}

function link(html: string, rel: string, type?: string): string[] {
  const out: string[] = [];
  for (const tag of html.match(/<link [^>]*>/g) ?? []) {
    if (!tag.includes(`rel="${rel}"`)) continue;
    if (type && !tag.includes(`type="${type}"`)) continue;
    const href = /href="([^"]*)"/.exec(tag)?.[1];
    if (href) out.push(decode(href));
  }
  return out;
}

function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1]) as Record<string, unknown>);
}

/** Path and query of an absolute URL on PUBLIC_URL (to request it from a test server). */
function onServer(url: string): string {
  expect(url.startsWith(`${PUBLIC_URL}/`), url).toBe(true);
  const u = new URL(url);
  return u.pathname + u.search;
}

/** Width and height from a PNG's IHDR chunk (bytes 16-23), after checking the signature. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect([...bytes.subarray(0, 8)]).toEqual(signature);
  expect(Buffer.from(bytes.subarray(12, 16)).toString('ascii')).toBe('IHDR');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

async function expectShareImage(server: NextServer, url: string) {
  const res = await fetch(`${server.url}${onServer(url)}`);
  expect(res.status, url).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/png');
  expect(res.headers.get('cache-control')).toBe(REVALIDATE_EACH_TIME);
  expect(pngSize(new Uint8Array(await res.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
}

const ARRAYS = new Set(['rss.channel.item', 'rss.channel.item.category', 'feed.link', 'feed.entry', 'feed.entry.link', 'feed.entry.category', 'urlset.url']);
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (_name, jpath) => ARRAYS.has(String(jpath)) });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed XML is untyped; each test asserts the shape it reads
type Xml = any;

function parseXml(text: string): Xml {
  expect(XMLValidator.validate(text)).toBe(true);
  return xml.parse(text) as Xml;
}

/** ETag present; the same request with If-None-Match answers 304 with no body. */
async function expectEtag304(server: NextServer, path: string): Promise<string> {
  const first = await fetch(`${server.url}${path}`);
  expect(first.status, path).toBe(200);
  const etag = first.headers.get('etag');
  expect(etag, `${path} ETag`).toMatch(/^(W\/)?"[^"]+"$/);
  // A CDN's revalidation. (fetch would add `Cache-Control: no-cache` to a conditional request,
  // for which Next's own check never answers 304; a cache revalidating does not send it.)
  const again = await fetch(`${server.url}${path}`, { headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' } });
  expect(again.status, `${path} revalidated`).toBe(304);
  expect(await again.text()).toBe('');
  expect(again.headers.get('etag')).toBe(etag);
  return etag!;
}

// ───────────────────────────────────────────── tests ─────────────────────────────────────────────

describe('article page', () => {
  it('carries canonical, Open Graph, a large Twitter card, feed links and Article JSON-LD with the share image', async () => {
    const page = await getPage(a, `/articles/${SLUG}`);
    expect(page.status).toBe(200);
    const html = page.html;
    expect(link(html, 'canonical')).toEqual([`${PUBLIC_URL}/articles/${SLUG}`]);
    expect(meta(html, 'property', 'og:type')).toBe('article');
    expect(meta(html, 'property', 'og:title')).toBe(TITLE);
    expect(meta(html, 'property', 'og:url')).toBe(`${PUBLIC_URL}/articles/${SLUG}`);
    expect(meta(html, 'property', 'og:site_name')).toBe('StakeEasy');
    expect(meta(html, 'property', 'og:image:width')).toBe('1200');
    expect(meta(html, 'property', 'og:image:height')).toBe('630');
    expect(meta(html, 'property', 'og:image:type')).toBe('image/png');
    expect(meta(html, 'name', 'twitter:card')).toBe('summary_large_image');
    const ogImage = meta(html, 'property', 'og:image')!;
    expect(ogImage).toMatch(new RegExp(`^${escape(PUBLIC_URL)}/articles/${SLUG}/opengraph-image`));
    expect(meta(html, 'name', 'twitter:image')).toBe(ogImage);

    const [data, ...more] = jsonLd(html);
    expect(more).toEqual([]);
    expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'Article', headline: TITLE, mainEntityOfPage: { '@id': `${PUBLIC_URL}/articles/${SLUG}` } });
    // The same image as og:image (without Next's cache-busting query).
    expect(data.image).toEqual([ogImage.split('?')[0]]);

    expect(link(html, 'alternate', 'application/rss+xml')).toEqual([`${PUBLIC_URL}/articles/feed.xml`]);
    expect(link(html, 'alternate', 'application/atom+xml')).toEqual([`${PUBLIC_URL}/articles/atom.xml`]);
    // A named list needs an explicit role (html-validate: aria-label on a plain <ul>).
    for (const ul of html.match(/<ul [^>]*aria-label[^>]*>/g) ?? []) expect(ul).toContain('role="list"');

    await expectShareImage(a, ogImage);
    await expectShareImage(b, (data.image as string[])[0]);
    await expectEtag304(b, `/articles/${SLUG}`);
  });

  it("an unknown article's share image is a 404, not an image", async () => {
    const image = meta((await getPage(a, `/articles/${SLUG}`)).html, 'property', 'og:image')!;
    const res = await fetch(`${a.url}${onServer(image).replace(SLUG, 'no-such-article')}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).not.toBe('image/png');
  });
});

describe('home page', () => {
  it('has canonical, Open Graph and Twitter tags with the site image, and WebSite JSON-LD whose SearchAction works', async () => {
    const { status, html } = await getPage(a, '/');
    expect(status).toBe(200);
    expect(link(html, 'canonical')).toEqual([PUBLIC_URL]);
    expect(meta(html, 'property', 'og:type')).toBe('website');
    expect(meta(html, 'property', 'og:url')).toBe(PUBLIC_URL);
    expect(meta(html, 'property', 'og:title')).toBeTruthy();
    expect(meta(html, 'property', 'og:description')).toBeTruthy();
    expect(meta(html, 'name', 'twitter:card')).toBe('summary_large_image');
    const image = meta(html, 'property', 'og:image')!;
    expect(meta(html, 'name', 'twitter:image')).toBe(image);
    await expectShareImage(a, image);

    const [site] = jsonLd(html) as [{ '@type': string; url: string; potentialAction: { '@type': string; target: { urlTemplate: string }; 'query-input': string } }];
    expect(site['@type']).toBe('WebSite');
    expect(site.url).toBe(`${PUBLIC_URL}/`);
    expect(site.potentialAction['@type']).toBe('SearchAction');
    expect(site.potentialAction['query-input']).toBe('required name=search_term_string');
    const template = site.potentialAction.target.urlTemplate;
    expect(template).toBe(`${PUBLIC_URL}/articles?q={search_term_string}`);
    const results = await getPage(a, onServer(template.replace('{search_term_string}', 'rakeback')));
    expect(results.status).toBe(200);
    expect(results.html).toContain('How rake and rakeback affect your win rate');
  });
});

describe('article index, its pages and tag pages', () => {
  it.each([
    ['/articles', 'Page 1 of 3'],
    ['/articles/page/2', 'Page 2 of 3'],
    ['/articles/sort/title', 'Page 1 of 3'],
    ['/articles/sort/title/page/2', 'Page 2 of 3'],
    ['/articles/tag/variance', null],
  ])('%s is cached whole and shared: ISR HIT on the other instance, CDN-safe Cache-Control, ETag/304, canonical to itself', async (path, label) => {
    const first = await getPage(a, path);
    expect(first.status).toBe(200);
    if (label) expect(first.html).toContain(label);
    expect(link(first.html, 'canonical')).toEqual([`${PUBLIC_URL}${path}`]);
    expect(meta(first.html, 'name', 'robots')).toBeUndefined();
    expect(meta(first.html, 'name', 'twitter:card')).toBe('summary_large_image');
    const image = meta(first.html, 'property', 'og:image')!;
    expect(image).toMatch(/\/opengraph-image/);
    expect(meta(first.html, 'name', 'twitter:image')).toBe(image);
    expect(meta(first.html, 'property', 'og:image:width')).toBe('1200');
    await expectShareImage(b, image);
    expect(link(first.html, 'alternate', 'application/rss+xml')).toContain(`${PUBLIC_URL}/articles/feed.xml`);
    // Rendered once on A, served from the shared cache on B.
    const onB = await getPage(b, path);
    expect(onB.headers.get('x-nextjs-cache')).toBe('HIT');
    expect(onB.headers.get('cache-control')).toBe(REVALIDATE_EACH_TIME);
    expect(onB.html).toBe(first.html);
    await expectEtag304(b, path);
  });

  it('a tag page links its own feeds before the site feeds', async () => {
    const { html } = await getPage(a, '/articles/tag/plo');
    expect(link(html, 'alternate', 'application/rss+xml')).toEqual([`${PUBLIC_URL}/articles/tag/plo/feed.xml`, `${PUBLIC_URL}/articles/feed.xml`]);
    expect(link(html, 'alternate', 'application/atom+xml')).toEqual([`${PUBLIC_URL}/articles/tag/plo/atom.xml`, `${PUBLIC_URL}/articles/atom.xml`]);
  });

  it('links between index pages use the path form', async () => {
    const { html } = await getPage(a, '/articles/sort/title/page/2');
    const anchor = (rel: string) => new RegExp(`<a [^>]*rel="${rel}"[^>]*>`).exec(html)?.[0] ?? '';
    expect(anchor('next')).toContain('href="/articles/sort/title/page/3"');
    expect(anchor('prev')).toContain('href="/articles/sort/title"');
    expect(html).toContain('href="/articles/sort/oldest"');
    expect(html).not.toMatch(/href="\/articles\?(sort|page)=/);
  });

  it('old query-string links and long spellings redirect permanently to the one URL of their state', async () => {
    for (const [from, to] of [
      ['/articles?sort=title&page=2', '/articles/sort/title/page/2'],
      ['/articles?page=2', '/articles/page/2'],
      ['/articles/sort/newest', '/articles'],
      ['/articles/sort/newest/page/2', '/articles/page/2'],
      ['/articles/page/1', '/articles'],
      ['/articles/sort/title/page/1', '/articles/sort/title'],
    ]) {
      const res = await getPage(a, from);
      expect(res.status, from).toBe(308);
      expect(new URL(res.headers.get('location')!, a.url).pathname, from).toBe(to);
    }
  });

  it('search stays per request, noindex, canonical to /articles, and out of shared caches', async () => {
    const res = await getPage(a, '/articles?q=rake&page=1');
    expect(res.status).toBe(200);
    expect(res.html).toContain('How rake and rakeback affect your win rate');
    expect(meta(res.html, 'name', 'robots')).toBe('noindex, follow');
    expect(link(res.html, 'canonical')).toEqual([`${PUBLIC_URL}/articles`]);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(res.headers.get('x-nextjs-cache')).toBeNull();
  });
});

describe('cache headers per page type', () => {
  it.each([
    ['article', `/articles/${SLUG}`, 200, REVALIDATE_EACH_TIME],
    ['index', '/articles', 200, REVALIDATE_EACH_TIME],
    ['index page N', '/articles/page/3', 200, REVALIDATE_EACH_TIME],
    ['sorted index page N', '/articles/sort/updated/page/2', 200, REVALIDATE_EACH_TIME],
    ['tag page', '/articles/tag/plo', 200, REVALIDATE_EACH_TIME],
    ['home', '/', 200, REVALIDATE_EACH_TIME],
    ['search', '/articles?q=tilt', 200, 'private, no-cache'],
    ['unknown article (404)', '/articles/no-such-article', 404, REVALIDATE_EACH_TIME],
    ['draft article (404)', `/articles/${DRAFT_ARTICLE.slug}`, 404, REVALIDATE_EACH_TIME],
    ['index page past the end (404)', '/articles/page/99', 404, REVALIDATE_EACH_TIME],
    ['unknown sort (404)', '/articles/sort/random', 404, REVALIDATE_EACH_TIME],
    ['unknown tag (404)', '/articles/tag/no-such-tag', 404, REVALIDATE_EACH_TIME],
    ['feed', '/articles/feed.xml', 200, REVALIDATE_EACH_TIME],
    ['tag feed', '/articles/tag/plo/atom.xml', 200, REVALIDATE_EACH_TIME],
    ['unknown tag feed (404)', '/articles/tag/no-such-tag/feed.xml', 404, REVALIDATE_EACH_TIME],
    ['sitemap', '/sitemap.xml', 200, REVALIDATE_EACH_TIME],
    ['robots', '/robots.txt', 200, REVALIDATE_EACH_TIME],
  ])('%s: %s answers %d with %s', async (_type, path, status, cacheControl) => {
    // Twice: the second answer may come from the ISR cache, and must say the same.
    for (const server of [a, b]) {
      const res = await getPage(server, path);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('cache-control'), path).toBe(cacheControl);
      // Nothing a CDN could keep past an invalidation it cannot hear.
      expect(res.headers.get('cache-control')).not.toMatch(/s-maxage|stale-while-revalidate|immutable/);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });
});

describe('feeds', () => {
  it('RSS 2.0 of every published article: valid XML, absolute links, newest first, no draft; ETag/304', async () => {
    const res = await getPage(a, '/articles/feed.xml');
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const doc = parseXml(res.html);
    expect(doc.rss['@version']).toBe('2.0');
    const channel = doc.rss.channel;
    expect(channel.link).toBe(`${PUBLIC_URL}/articles`);
    const items = channel.item as { title: string; link: string; pubDate: string; description: string; category?: unknown[] }[];
    expect(items.length).toBe(20);
    for (const item of items) {
      expect(item.link).toMatch(new RegExp(`^${escape(PUBLIC_URL)}/articles/[a-z0-9-]+$`));
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
      expect(item.description.length).toBeGreaterThan(20);
    }
    expect(items.map((i) => i.link)).not.toContain(`${PUBLIC_URL}/articles/${DRAFT_ARTICLE.slug}`);
    await expectEtag304(b, '/articles/feed.xml');
  });

  it("Atom of one tag: only that tag's articles, self link; ETag/304", async () => {
    const res = await getPage(a, '/articles/tag/plo/atom.xml');
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const doc = parseXml(res.html);
    const feed = doc.feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.title).toContain('Pot-limit Omaha');
    const self = (feed.link as { '@rel'?: string; '@href': string }[]).find((l) => l['@rel'] === 'self');
    expect(self?.['@href']).toBe(`${PUBLIC_URL}/articles/tag/plo/atom.xml`);
    const entries = feed.entry as { title: string | { '#text': string }; link: { '@href': string }[]; category: { '@term': string }[] }[];
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry.category.map((c) => c['@term'])).toContain('plo');
    // The tag page lists the same articles.
    const tagPage = await getPage(a, '/articles/tag/plo');
    for (const entry of entries) expect(tagPage.html).toContain(`href="${new URL(entry.link[0]['@href']).pathname}"`);
    await expectEtag304(b, '/articles/tag/plo/atom.xml');
  });
});

describe('sitemap and robots', () => {
  it('the sitemap is valid XML with a lastmod on every URL (home too); ETag/304', async () => {
    const res = await getPage(a, '/sitemap.xml');
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const doc = parseXml(res.html);
    expect(doc.urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const urls = doc.urlset.url as { loc: string; lastmod?: string }[];
    const locs = urls.map((u) => u.loc);
    expect(locs).toEqual(expect.arrayContaining([`${PUBLIC_URL}/`, `${PUBLIC_URL}/articles`, `${PUBLIC_URL}/articles/${SLUG}`, `${PUBLIC_URL}/articles/tag/plo`]));
    expect(locs).not.toContain(`${PUBLIC_URL}/articles/${DRAFT_ARTICLE.slug}`);
    for (const u of urls) {
      expect(u.lastmod, u.loc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(Date.parse(u.lastmod!)).toBeLessThanOrEqual(Date.now());
    }
    expect(new Set(locs).size).toBe(locs.length);
    await expectEtag304(b, '/sitemap.xml');
  });

  it('robots.txt names the sitemap; ETag/304', async () => {
    const res = await getPage(a, '/robots.txt');
    expect(res.html).toContain(`Sitemap: ${PUBLIC_URL}/sitemap.xml`);
    expect(res.html).toMatch(/^User-Agent: \*$/m);
    expect(res.html).toMatch(/^Disallow: \/admin$/m);
    await expectEtag304(a, '/robots.txt');
  });
});

describe('publishing a slug that answered 404 a moment ago', () => {
  it('answers 200 on both instances at once, and the index, feed and sitemap list it', async () => {
    const prisma = app!.database.prisma;
    const path = `/articles/${DRAFT_ARTICLE.slug}`;
    // The 404 is cached (ISR) on both instances and says so; a CDN is told to ask every time.
    for (const server of [a, b, a, b]) {
      const res = await getPage(server, path);
      expect(res.status).toBe(404);
      expect(res.headers.get('cache-control')).toBe(REVALIDATE_EACH_TIME);
    }
    expect((await getPage(b, path)).headers.get('x-nextjs-cache')).toBe('HIT');
    expect((await getPage(b, '/articles')).html).not.toContain(DRAFT_ARTICLE.title);

    const admin = await prisma.user.findUniqueOrThrow({ where: { email: ADMIN_USER.email }, select: { id: true } });
    const draft = await prisma.article.findUniqueOrThrow({ where: { slug: DRAFT_ARTICLE.slug }, select: { id: true } });
    browser = await launchBrowser();
    const context = await browser.newContext({ baseURL: a.url });
    await context.addCookies([{ name: SESSION_COOKIE, value: await createSession(prisma, admin.id), url: a.url, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`/admin/articles/${draft.id}`);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Published' }).waitFor();
    await context.close();

    // No retries: the first request after the acknowledgement, on each instance.
    const [onA, onB] = await Promise.all([getPage(a, path), getPage(b, path)]);
    expect(onA.status).toBe(200);
    expect(onB.status).toBe(200);
    expect(onB.html).toContain(DRAFT_ARTICLE.title);
    expect((await getPage(b, '/articles')).html).toContain(DRAFT_ARTICLE.title);
    expect((await getPage(b, '/articles/feed.xml')).html).toContain(`${PUBLIC_URL}${path}`);
    expect((await getPage(b, '/sitemap.xml')).html).toContain(`<loc>${PUBLIC_URL}${path}</loc>`);
    const image = meta(onB.html, 'property', 'og:image')!;
    await expectShareImage(b, image);
  }, 120_000);
});
