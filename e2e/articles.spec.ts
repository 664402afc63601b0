import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { ADMIN, signIn, signUpAndIn } from './helpers';

// Public strategy articles: browsing without a session, SEO in the raw HTML, the sitemap and
// robots.txt, 404s, the admin editing journey with cache invalidation, and read marks that
// must never end up in the shared (cached) article page.

const ARTICLE = {
  slug: 'risk-of-ruin-explained-for-poker-players',
  title: 'Risk of ruin explained for poker players',
  // A sentence of its body, to prove the content is in the HTML without JavaScript.
  text: 'Risk of ruin (RoR) puts a number on that.',
};
const DRAFT_SLUG = 'setting-bankroll-goals-you-will-actually-reach';

/** Fetches until `accept` holds: after an edit a reader may get the previous version once. */
async function fetchUntil(request: APIRequestContext, url: string, accept: (status: number, body: string) => boolean, tries = 6): Promise<{ status: number; body: string; attempts: number }> {
  let last: { status: number; body: string } = { status: 0, body: '' };
  for (let attempt = 1; attempt <= tries; attempt++) {
    const res: APIResponse = await request.get(url, { maxRedirects: 0 });
    last = { status: res.status(), body: await res.text() };
    if (accept(last.status, last.body)) return { ...last, attempts: attempt };
    await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
  }
  throw new Error(`${url} never matched after ${tries} tries (last status ${last.status})`);
}

const metaContent = (html: string, attr: 'name' | 'property', key: string) =>
  new RegExp(`<meta ${attr}="${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" content="([^"]*)"`).exec(html)?.[1];

test.describe('reader without a session', () => {
  test('browses, searches, sorts, paginates, filters by tag and opens an article', async ({ page }) => {
    await page.goto('/articles');
    await expect(page.getByRole('heading', { level: 1, name: 'Strategy articles' })).toBeVisible();
    const items = page.locator('.article-list > li');
    await expect(items).toHaveCount(10);
    await expect(page.getByText('Page 1 of 3')).toBeVisible();

    // Search is case-insensitive and lives in the URL.
    await page.getByLabel('Search articles').fill('RAKEBACK');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/articles\?q=RAKEBACK$/);
    await expect(page.getByRole('link', { name: 'How rake and rakeback affect your win rate' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText(/matche?s? “RAKEBACK”/);

    await page.getByLabel('Search articles').fill('zzzz-no-such-words');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('heading', { name: 'No articles match your search' })).toBeVisible();
    await page.getByRole('link', { name: 'Show all articles' }).click();
    await expect(page).toHaveURL(/\/articles$/);

    // Sort, then paginate: the sort survives the page change. Both are path segments (the
    // index is cached whole); only search uses the query string.
    await page.getByRole('link', { name: 'Title (A-Z)' }).click();
    await expect(page).toHaveURL(/\/articles\/sort\/title$/);
    await expect(page.locator('.article-list-title').first()).toHaveText('Aggressive vs conservative bankroll management');
    await page.getByRole('link', { name: 'Next →' }).click();
    await expect(page).toHaveURL(/\/articles\/sort\/title\/page\/2$/);
    await expect(page.getByText('Page 2 of 3')).toBeVisible();
    await expect(items).toHaveCount(10);
    await page.getByRole('link', { name: 'Oldest first' }).click();
    await expect(page).toHaveURL(/\/articles\/sort\/oldest$/);

    // Filter by tag.
    await page.goto('/articles');
    await page.getByRole('link', { name: 'Pot-limit Omaha' }).first().click();
    await expect(page).toHaveURL(/\/articles\/tag\/plo$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Pot-limit Omaha' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'PLO bankroll requirements: why Omaha needs more buy-ins' })).toBeVisible();

    // Open an article.
    await page.goto('/articles?q=risk+of+ruin');
    await page.getByRole('link', { name: ARTICLE.title }).click();
    await expect(page).toHaveURL(new RegExp(`/articles/${ARTICLE.slug}$`));
    await expect(page.getByRole('heading', { level: 1, name: ARTICLE.title })).toBeVisible();
    await expect(page.getByText(ARTICLE.text)).toBeVisible();
    await expect(page.getByTestId('reading-time')).toHaveText(/^\d+ min read$/);
    await expect(page.getByTestId('article-author')).toHaveText('StakeEasy Admin');
    await expect(page.getByRole('list', { name: 'Tags' }).first().getByRole('link', { name: 'Variance' })).toBeVisible();
    const related = page.getByRole('region', { name: 'Related articles' }).locator('.article-list > li');
    await expect(related).not.toHaveCount(0);
    expect(await related.count()).toBeLessThanOrEqual(3);
    await expect(page.getByRole('region', { name: 'Related articles' }).getByRole('link', { name: ARTICLE.title })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Sign in to track your reading' })).toBeVisible();
  });

  test('the raw HTML (no JavaScript) carries the SEO tags and the article text', async ({ request }) => {
    const res = await request.get(`/articles/${ARTICLE.slug}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['set-cookie']).toBeUndefined();
    const html = await res.text();
    expect(html).toContain(`<title>${ARTICLE.title} · StakeEasy</title>`);
    expect(metaContent(html, 'name', 'description')).toMatch(/^Risk of ruin estimates the chance/);
    expect(html).toMatch(new RegExp(`<link rel="canonical" href="https?://[^"]+/articles/${ARTICLE.slug}"`));
    expect(metaContent(html, 'property', 'og:title')).toBe(ARTICLE.title);
    expect(metaContent(html, 'property', 'og:type')).toBe('article');
    expect(metaContent(html, 'property', 'article:published_time')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(metaContent(html, 'property', 'article:modified_time')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(metaContent(html, 'name', 'twitter:card')).toBe('summary_large_image');
    expect(metaContent(html, 'property', 'og:image')).toMatch(new RegExp(`/articles/${ARTICLE.slug}/opengraph-image`));
    const jsonLd = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1];
    expect(jsonLd).toBeDefined();
    const data = JSON.parse(jsonLd!);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: ARTICLE.title,
      author: { name: 'StakeEasy Admin' },
      mainEntityOfPage: { '@id': expect.stringMatching(new RegExp(`/articles/${ARTICLE.slug}$`)) },
    });
    expect(data.datePublished).toBeTruthy();
    expect(data.dateModified).toBeTruthy();
    expect(html).toContain(ARTICLE.text);
    expect(html).toMatch(/\d+ min read/);
    // Served whole from the ISR cache the second time.
    expect((await request.get(`/articles/${ARTICLE.slug}`)).headers()['x-nextjs-cache']).toMatch(/HIT|STALE/);

    const index = await request.get('/articles/sort/title/page/2');
    expect(index.status()).toBe(200);
    const indexHtml = await index.text();
    expect(indexHtml).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+\/articles\/sort\/title\/page\/2"/);
    // Old query-string links land on the same page.
    const old = await request.get('/articles?sort=title&page=2', { maxRedirects: 0 });
    expect(old.status()).toBe(308);
    expect(old.headers()['location']).toMatch(/\/articles\/sort\/title\/page\/2$/);
  });

  test('sitemap.xml and robots.txt', async ({ request }) => {
    const sitemap = await request.get('/sitemap.xml');
    expect(sitemap.status()).toBe(200);
    const xml = await sitemap.text();
    expect(xml).toMatch(new RegExp(`<loc>https?://[^<]+/articles/${ARTICLE.slug}</loc>\\s*<lastmod>\\d{4}-`));
    expect(xml).toMatch(/<loc>https?:\/\/[^<]+\/articles\/tag\/variance<\/loc>/);
    expect(xml).toMatch(/<loc>https?:\/\/[^<]+\/articles<\/loc>/);
    expect(xml).not.toContain(DRAFT_SLUG);

    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toContain('Allow: /');
    for (const path of ['/dashboard', '/settings', '/admin', '/api']) expect(robots).toContain(`Disallow: ${path}`);
    expect(robots).toMatch(/Sitemap: https?:\/\/\S+\/sitemap\.xml/);
  });

  test('unknown and draft articles, unknown tags and pages past the end are real 404s', async ({ request }) => {
    for (const url of ['/articles/no-such-article', `/articles/${DRAFT_SLUG}`, '/articles/Not_A_Slug', '/articles/tag/no-such-tag', '/articles/page/999', '/articles?page=999', '/articles/sort/random']) {
      expect((await request.get(url)).status(), url).toBe(404);
    }
    // Malformed parameters fall back to the defaults.
    const odd = await request.get('/articles?sort=%3Cscript%3E&page=-3&q=');
    expect(odd.status()).toBe(200);
    expect(await odd.text()).toContain('Page 1 of');
  });
});

test('a non-admin gets 404 on the admin pages', async ({ page }) => {
  await signUpAndIn(page, 'not-admin');
  for (const url of ['/admin/articles', '/admin/articles/new', '/admin/tags']) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(404);
  }
});

test('an admin creates, previews, publishes, edits and unpublishes an article; the public pages follow', async ({ page, request }) => {
  test.setTimeout(120_000);
  const stamp = `${Date.now()}`;
  const tagName = `E2E tag ${stamp}`;
  const tagSlug = `e2e-tag-${stamp}`;
  const title = `E2E bankroll article ${stamp}`;
  const slug = `e2e-bankroll-article-${stamp}`;
  const url = `/articles/${slug}`;

  await signIn(page, ADMIN.email, ADMIN.password);

  // A new tag.
  await page.goto('/admin/tags');
  await page.getByLabel('Name').fill(tagName);
  await page.getByRole('button', { name: 'Create tag' }).click();
  await expect(page.getByRole('status')).toHaveText('Tag created.');
  await expect(page.getByRole('row', { name: new RegExp(tagName) })).toContainText(tagSlug);

  // A new article: validation first, then a preview, then a draft.
  await page.goto('/admin/articles/new');
  await page.getByLabel('Title', { exact: true }).fill('Tilt');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.locator('#f-title-error')).toContainText('at least 5');
  await expect(page.locator('#f-summary-error')).toBeVisible();
  await expect(page.locator('#f-markdown-error')).toBeVisible();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Tilt');

  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Summary').fill('An end-to-end test article about bankroll rules and variance.');
  await page.getByLabel('Text (Markdown)').fill(`## First version\n\nThe marker is **zebra-${stamp}**.`);
  await page.getByRole('checkbox', { name: tagName }).check();
  await page.getByRole('checkbox', { name: 'Variance' }).check();
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByTestId('article-preview');
  await expect(preview.getByRole('heading', { name: 'First version' })).toBeVisible();
  await expect(preview.locator('strong')).toHaveText(`zebra-${stamp}`);
  // The preview saved nothing.
  expect((await request.get(url)).status()).toBe(404);

  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status')).toContainText('Draft saved');
  await expect(page.getByRole('heading', { name: 'Status: Draft' })).toBeVisible();
  // Still a draft: 404 (and that 404 is now cached, which publishing must replace at once).
  expect((await request.get(url)).status()).toBe(404);

  // Publish: everywhere at once.
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Published');
  const live = await request.get(url);
  expect(live.status()).toBe(200);
  expect(await live.text()).toContain(`zebra-${stamp}`);
  expect(await (await request.get('/articles')).text()).toContain(title);
  expect(await (await request.get(`/articles/tag/${tagSlug}`)).text()).toContain(title);
  expect(await (await request.get('/articles/tag/variance')).text()).toContain(title);
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain(`/articles/${slug}</loc>`);
  expect(sitemap).toContain(`/articles/tag/${tagSlug}</loc>`);
  expect(await (await request.get(`/articles/tag/${tagSlug}/feed.xml`)).text()).toContain(`/articles/${slug}</link>`);
  expect(await (await request.get('/articles/atom.xml')).text()).toContain(`/articles/${slug}"`);

  // Edit the text: readers may get the previous version once, then the new one.
  await page.goto('/admin/articles');
  await page.getByRole('link', { name: title }).click();
  await page.getByLabel('Text (Markdown)').fill(`## Second version\n\nThe marker is now **giraffe-${stamp}**.`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status')).toContainText('Saved');
  const edited = await fetchUntil(request, url, (status, body) => {
    expect(status).toBe(200); // stale or fresh, never an error or a 404
    return body.includes(`giraffe-${stamp}`);
  });
  expect(edited.attempts).toBeLessThanOrEqual(3);
  test.info().annotations.push({ type: 'edit visible after', description: `${edited.attempts} request(s)` });
  expect(edited.body).not.toContain(`zebra-${stamp}`);

  // Unpublish: gone at once from the article URL, the index, its tag pages and the sitemap.
  await page.getByRole('button', { name: 'Unpublish' }).click();
  await expect(page.getByRole('status')).toContainText('Unpublished');
  expect((await request.get(url)).status()).toBe(404);
  expect(await (await request.get('/articles')).text()).not.toContain(title);
  expect((await request.get(`/articles/tag/${tagSlug}`)).status()).toBe(404);
  expect(await (await request.get('/articles/tag/variance')).text()).not.toContain(title);
  expect(await (await request.get('/sitemap.xml')).text()).not.toContain(slug);
  expect((await request.get(`/articles/tag/${tagSlug}/feed.xml`)).status()).toBe(404);
  expect(await (await request.get('/articles/feed.xml')).text()).not.toContain(slug);

  // The admin list still shows it, as a draft; deleting needs the confirmation tick.
  await page.goto('/admin/articles');
  await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText('Draft');
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('button', { name: 'Delete article' }).click();
  await expect(page.locator('.form-message.error')).toContainText('Tick the box');
  await page.getByLabel(/Yes, delete this article/).check();
  await page.getByRole('button', { name: 'Delete article' }).click();
  await expect(page).toHaveURL(/\/admin\/articles\?notice=deleted$/);
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);
});

test('read marks stay private: the shared article page never carries them', async ({ page, request }) => {
  const email = await signUpAndIn(page, 'reader');
  await page.goto(`/articles/${ARTICLE.slug}`);
  await expect(page.getByTestId('read-state')).toHaveText('Not marked as read yet.');
  await page.getByRole('button', { name: 'Mark as read' }).click();
  await expect(page.getByTestId('read-state')).toHaveText('✓ You have read this article.');
  await page.reload();
  await expect(page.getByTestId('read-state')).toHaveText('✓ You have read this article.');
  await expect(page.getByRole('button', { name: 'Mark as unread' })).toBeVisible();

  // The reader's own API answer is private and uncacheable.
  const mine = await page.request.get(`/api/articles/${ARTICLE.slug}/read`);
  expect(await mine.json()).toEqual({ signedIn: true, read: true });
  expect(mine.headers()['cache-control']).toBe('private, no-store');

  // The page HTML is the same for everyone: no e-mail, no read state, even with the cookie.
  for (const [who, client] of [
    ['anonymous', request],
    ['the reader', page.request],
  ] as const) {
    const html = await (await client.get(`/articles/${ARTICLE.slug}`)).text();
    expect(html, who).toContain(ARTICLE.text);
    expect(html, who).not.toContain(email);
    expect(html, who).not.toContain('You have read this article');
    expect(html, who).not.toContain('Mark as unread');
  }
  const anonymous = await request.get(`/api/articles/${ARTICLE.slug}/read`);
  expect(await anonymous.json()).toEqual({ signedIn: false, read: false });

  // Unmarking works too.
  await page.getByRole('button', { name: 'Mark as unread' }).click();
  await expect(page.getByTestId('read-state')).toHaveText('Not marked as read yet.');
});
