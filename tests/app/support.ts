/**
 * Shared pieces of the app-level tests: reading the totals a page shows, driving the real
 * "Update balance" form in Chromium, timed requests. The servers, database, Redis and the
 * signed-in test users come from ../helpers/next-server (openAppStack, startTwoInstances,
 * createMarkedUser).
 */
import type { Browser, Page } from '@playwright/test';
import { getPage, health, SESSION_COOKIE, type MarkedUser, type NextServer } from '../helpers/next-server';

/** A signed-in user with one poker site (createMarkedUser). */
export type TestUser = Pick<MarkedUser, 'userId' | 'holdingId' | 'token'>;

/** "$1,011.07" -> 101107 */
export const cents = (text: string) => Math.round(Number(text.replace(/[^0-9.-]/g, '')) * 100);

/** Text of the element with `data-testid=<id>` in server-rendered HTML (a single text child). */
export function testIdText(html: string, id: string): string | null {
  const m = new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(html);
  return m ? m[1] : null;
}

/** The dashboard's "Total bankroll" in cents, as server B (or A) renders it now. */
export async function dashboardTotal(server: NextServer, token: string): Promise<number> {
  const page = await getPage(server, '/dashboard', token);
  const text = testIdText(page.html, 'total-bankroll');
  if (page.status !== 200 || text === null) throw new Error(`dashboard on ${server.port}: HTTP ${page.status}, no total`);
  return cents(text);
}

/** The site page's "Current balance" in cents. */
export async function siteBalance(server: NextServer, token: string, holdingId: string): Promise<number> {
  const page = await getPage(server, `/sites/${holdingId}`, token);
  const text = testIdText(page.html, 'current-balance');
  if (page.status !== 200 || text === null) throw new Error(`site page on ${server.port}: HTTP ${page.status}, no balance`);
  return cents(text);
}

/** The cache counters one server's /api/health reports. */
export async function counters(server: NextServer) {
  const { body } = await health(server);
  return body.cache;
}

/** "1234.56" for 123456 cents, "$1,234.56" as the app shows it. */
export const amountText = (c: number) => (c / 100).toFixed(2);
export const usd = (c: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(c / 100);

/**
 * A browser tab signed in as `user` on `server`, on the site's page, that submits the real
 * "Update balance" form (a Server Action: the same path a user's update takes).
 */
export async function balanceUpdater(browser: Browser, server: NextServer, user: TestUser) {
  const context = await browser.newContext({ baseURL: server.url });
  await context.addCookies([{ name: SESSION_COOKIE, value: user.token, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  const page: Page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`/sites/${user.holdingId}`);
  return {
    page,
    /** Submits the form and waits for its confirmation (the action has committed and invalidated). */
    async update(amountCents: number) {
      await page.getByLabel('New balance').fill(amountText(amountCents));
      await page.getByRole('button', { name: 'Update balance' }).click();
      await page.getByRole('status').filter({ hasText: `Balance updated: ${usd(amountCents)}` }).waitFor();
    },
    close: () => context.close(),
  };
}

export interface Sample {
  url: string;
  status: number;
  ms: number;
  /** when it was answered (epoch ms) */
  at: number;
  /** x-nextjs-cache (HIT / STALE / MISS) of ISR pages */
  cache?: string | null;
  error?: string;
}

/**
 * Light continuous load: `workers` loops, each requesting the next URL of `targets` as soon as
 * the previous answered (+ `pauseMs`). Every response is recorded with its latency.
 */
export function startLoad(targets: Array<{ server: NextServer; path: string; token?: string }>, workers = 2, pauseMs = 25) {
  const samples: Sample[] = [];
  let running = true;
  let next = 0;
  const loop = async () => {
    while (running) {
      const t = targets[next++ % targets.length];
      const url = `${t.server.url}${t.path}`;
      const started = performance.now();
      try {
        const res = await getPage(t.server, t.path, t.token, 10_000);
        samples.push({ url, status: res.status, ms: res.ms, at: Date.now(), cache: res.headers.get('x-nextjs-cache') });
      } catch (err) {
        samples.push({ url, status: 0, ms: performance.now() - started, at: Date.now(), error: String(err) });
      }
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  };
  const loops = Array.from({ length: workers }, loop);
  return {
    samples,
    async stop() {
      running = false;
      await Promise.all(loops);
      return samples;
    },
  };
}

export function summarizeLatency(samples: Sample[]) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const q = (p: number) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] : 0);
  return { n: ms.length, p50: Math.round(q(0.5)), p95: Math.round(q(0.95)), max: Math.round(ms[ms.length - 1] ?? 0) };
}

/**
 * Renders `path` on `a` (retrying while its entry is not in Redis yet: A's write is bounded by
 * the command timeout and may miss it once on a loaded machine), then requests it on `b`.
 * Returns what B's cache counters did during that one request and B's x-nextjs-cache.
 */
export async function renderOnAThenServeOnB(a: NextServer, b: NextServer, path: string, entryInRedis: () => Promise<boolean>) {
  const first = await getPage(a, path);
  if (first.status !== 200) throw new Error(`${path} on A: HTTP ${first.status}`);
  for (let i = 0; i < 5 && !(await entryInRedis()); i++) await getPage(a, path);
  const stored = await entryInRedis();
  const before = await counters(b);
  const onB = await getPage(b, path);
  const after = await counters(b);
  return {
    stored,
    firstOnA: first.headers.get('x-nextjs-cache'),
    status: onB.status,
    cache: onB.headers.get('x-nextjs-cache'),
    html: onB.html,
    redisHits: after.redisHits - before.redisHits,
    misses: after.misses - before.misses,
    sets: after.sets - before.sets,
  };
}

/**
 * `count` balance updates through the form on A; after each, B's dashboard total and site
 * balance must show the new amount at once. Returns the stale reads (empty = none).
 */
export async function staleReadsAfterUpdates(
  updater: Awaited<ReturnType<typeof balanceUpdater>>,
  b: NextServer,
  user: TestUser,
  count: number,
  base = 100_000,
): Promise<string[]> {
  const stale: string[] = [];
  for (let i = 1; i <= count; i++) {
    const amount = base + i * 1_137 + (i % 7); // distinct cents every time
    await updater.update(amount);
    const total = await dashboardTotal(b, user.token);
    const balance = await siteBalance(b, user.token, user.holdingId);
    if (total !== amount) stale.push(`#${i}: dashboard on B shows ${total}, expected ${amount}`);
    if (balance !== amount) stale.push(`#${i}: site page on B shows ${balance}, expected ${amount}`);
  }
  return stale;
}
