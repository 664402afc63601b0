/**
 * A rolling deploy: the old build (A, the shared app test build) and a new build of the same
 * source with another build id and deployment id (B) serve side by side on one Redis, one key
 * prefix and one database, as they do while a load balancer moves traffic from one to the other.
 *  (i)   pages of both builds answer, each from its own build (page entries are keyed by build id);
 *  (ii)  a balance update through the form on either build is fresh at once on the other;
 *  (iii) an article edit (public pages, stale-while-revalidate) on either reaches the other;
 *  (iv)  a form of a page from the old build posted to the new instance, which does not know the
 *        page's server action: HTTP 409 with Next's action-not-found marker (never a 500),
 *        nothing saved, and the page says it is out of date with a reload button.
 * Builds at most one extra build (ensureExtraBuild into <DIST_DIR>-deploy; reused when current).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '@playwright/test';
import { ADMIN_USER } from '@/prisma/seed/index';
import { launchBrowser } from '../helpers/browser';
import { redisCli, startRedis, type RedisServer } from '../helpers/redis-server';
import {
  articleSlugs,
  buildIdOf,
  createMarkedUser,
  createSession,
  DIST_DIR,
  ensureExtraBuild,
  getPage,
  openAppStack,
  SESSION_COOKIE,
  waitUntil,
  type AppStack,
  type MarkedUser,
  type NextServer,
} from '../helpers/next-server';
import { amountText, balanceUpdater, siteBalance, staleReadsAfterUpdates } from './support';

const NEW_DIST_DIR = `${DIST_DIR}-deploy`;
const NEW_ID = 'apptest-deploy-b';
/**
 * The new build's own server-actions key, so its action ids differ from the old build's (Next
 * salts action ids with this key): the case of a deploy that changed an action. Set explicitly so
 * a key in a local .env file cannot make both builds share ids.
 */
const NEW_BUILD_ENV = {
  NEXT_BUILD_ID: NEW_ID,
  NEXT_DEPLOYMENT_ID: NEW_ID,
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.from('deploy-test-build-b-key-32-bytes').toString('base64'),
};

let stack: AppStack<RedisServer> | undefined;
let a: NextServer;
let b: NextServer;
let prefix: string;
let oldId: string;
let browser: Browser | undefined;
let user: MarkedUser;
let adminToken: string;
let article: { id: string; slug: string };

beforeAll(async () => {
  stack = await openAppStack('deploy', { redis: () => startRedis() });
  await ensureExtraBuild(NEW_DIST_DIR, NEW_BUILD_ENV);
  oldId = buildIdOf(DIST_DIR)!;
  if (oldId === NEW_ID) throw new Error(`${DIST_DIR} has the new build's id ${NEW_ID}: rebuild it without NEXT_BUILD_ID`);
  prefix = `apptest-deploy-${process.pid}-${Date.now()}:`;
  const env = { DATABASE_URL: stack.database.url, REDIS_URL: stack.redis.url, CACHE_KEY_PREFIX: prefix };
  const [sa, sb] = await Promise.allSettled([
    stack.startServer({ env }),
    // The deployment id is read again at start: it must be the one the build was made with.
    stack.startServer({ env: { ...env, NEXT_DEPLOYMENT_ID: NEW_ID }, distDir: NEW_DIST_DIR }),
  ]);
  if (sa.status === 'rejected') throw sa.reason;
  if (sb.status === 'rejected') throw sb.reason;
  [a, b] = [sa.value, sb.value];
  const prisma = stack.database.prisma;
  user = await createMarkedUser(prisma, 'deploy', 50_000);
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: ADMIN_USER.email } });
  adminToken = await createSession(prisma, admin.id);
  const [slug] = await articleSlugs(prisma, 1);
  article = await prisma.article.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true } });
  browser = await launchBrowser();
}, 20 * 60_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  await stack?.stop();
}, 60_000);

/** Page entries of one build in Redis (P e:<build id>:...). */
async function pageKeys(buildId: string): Promise<string[]> {
  const out = await redisCli(stack!.redis.port, '--scan', '--pattern', `${prefix}e:${buildId}:*`);
  return out.split('\n').filter(Boolean);
}

async function signedInPage(server: NextServer, token: string) {
  const context = await browser!.newContext({ baseURL: server.url });
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
}

/** Saves a new title through the admin form on `server`. */
async function editTitle(server: NextServer, title: string) {
  const { context, page } = await signedInPage(server, adminToken);
  try {
    await page.goto(`/admin/articles/${article.id}`);
    await page.getByLabel('Title').fill(title);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/notice=saved/);
  } finally {
    await context.close();
  }
}

/** Requests the article on `server` until it shows `title`; returns how many answers were older. */
async function staleAnswersUntil(server: NextServer, title: string): Promise<number> {
  let older = 0;
  await waitUntil(
    async () => {
      const res = await getPage(server, `/articles/${article.slug}`);
      expect(res.status).toBe(200);
      if (res.html.includes(title)) return true;
      older++;
      return false;
    },
    15_000,
    `the article on ${server.port} to show "${title}"`,
    200,
  );
  return older;
}

describe('rolling deploy: old and new build side by side on one Redis', () => {
  it('(i) pages of both builds answer, each rendered by its own build', async () => {
    for (const server of [a, b]) {
      const dashboard = await getPage(server, '/dashboard', user.token);
      expect(dashboard.status).toBe(200);
      expect(dashboard.html).toContain(user.amountText);
      const page = await getPage(server, `/articles/${article.slug}`);
      expect(page.status).toBe(200);
      expect(page.html).toContain('data-testid="article-author"');
    }
    // The new build says which deployment it is (Next's skew protection); the old one has no id.
    const onB = await getPage(b, `/articles/${article.slug}`);
    expect(onB.html).toContain(`data-dpl-id="${NEW_ID}"`);
    expect((await getPage(a, `/articles/${article.slug}`)).html).not.toContain(NEW_ID);
    // Each build stored the article page under its own build id: neither serves the other's HTML.
    await waitUntil(async () => (await pageKeys(oldId)).length > 0 && (await pageKeys(NEW_ID)).length > 0, 10_000, 'page entries of both builds in Redis');
  });

  it('(ii) a balance update on either build is fresh at once on the other', async () => {
    const onA = await balanceUpdater(browser!, a, user);
    try {
      expect(await staleReadsAfterUpdates(onA, b, user, 5, 100_000)).toEqual([]);
    } finally {
      await onA.close();
    }
    const onB = await balanceUpdater(browser!, b, user);
    try {
      expect(await staleReadsAfterUpdates(onB, a, user, 5, 200_000)).toEqual([]);
    } finally {
      await onB.close();
    }
  }, 180_000);

  it('(iii) an article edit on either build reaches the other', async () => {
    // Both builds hold a cached copy of the page first, so the edit has something to invalidate.
    for (const server of [a, b]) expect((await getPage(server, `/articles/${article.slug}`)).status).toBe(200);
    // Titles without characters HTML would escape, so the raw page text can be searched.
    const first = `Rolling deploy check edited on the old build ${Date.now()}`;
    await editTitle(a, first);
    // A content edit is stale-while-revalidate: at most one older copy, then the new one.
    expect(await staleAnswersUntil(b, first)).toBeLessThanOrEqual(1);
    const second = `Rolling deploy check edited on the new build ${Date.now()}`;
    await editTitle(b, second);
    expect(await staleAnswersUntil(a, second)).toBeLessThanOrEqual(1);
  }, 120_000);

  it('(iv) a form of an old page posted to a new instance: 409 "reload", nothing saved, never a 500', async () => {
    const before = await siteBalance(a, user.token, user.holdingId);
    const { context, page } = await signedInPage(a, user.token);
    const answers: Array<{ status: number; notFound: string | undefined; actionId: string | undefined }> = [];
    try {
      await page.goto(`/sites/${user.holdingId}`);
      // The load balancer sends this one POST to the new instance (same public host, as a proxy
      // in front of both would present it).
      await page.route(`${a.url}/sites/**`, async (route) => {
        const req = route.request();
        const actionId = req.headers()['next-action'];
        if (req.method() !== 'POST' || !actionId) return route.continue();
        const res = await route.fetch({ url: req.url().replace(a.url, b.url), headers: { ...req.headers(), 'x-forwarded-host': new URL(a.url).host } });
        answers.push({ status: res.status(), notFound: res.headers()['x-nextjs-action-not-found'], actionId });
        await route.fulfill({ response: res });
      });
      await page.getByLabel('New balance').fill(amountText(before + 4_321));
      await page.getByRole('button', { name: 'Update balance' }).click();
      await page.getByRole('heading', { name: 'This page is out of date' }).waitFor();
      expect(answers, `the new build knew the old build's action (same NEXT_SERVER_ACTIONS_ENCRYPTION_KEY?): ${JSON.stringify(answers)}`).toEqual([
        { status: 409, notFound: '1', actionId: expect.any(String) },
      ]);
      expect(await page.getByText('Nothing was saved').count()).toBe(1);
      // Nothing was written, on either build.
      expect(await siteBalance(a, user.token, user.holdingId)).toBe(before);
      expect(await siteBalance(b, user.token, user.holdingId)).toBe(before);
      // Reload (here still routed to the old instance) brings the form back, working.
      await page.unroute(`${a.url}/sites/**`);
      await page.getByRole('button', { name: 'Reload the page' }).click();
      await page.getByLabel('New balance').waitFor();
      await page.getByLabel('New balance').fill(amountText(before + 1_234));
      await page.getByRole('button', { name: 'Update balance' }).click();
      await page.getByRole('status').filter({ hasText: 'Balance updated' }).waitFor();
      expect(await siteBalance(b, user.token, user.holdingId)).toBe(before + 1_234);
    } finally {
      await context.close();
    }
    expect(b.logs()).toContain('Failed to find Server Action');
  }, 120_000);
});
