/**
 * PostgreSQL goes away under a running `next start` and comes back.
 *
 * The server reaches PostgreSQL through a TCP proxy (tests/helpers/tcp-proxy.ts) that the test
 * cuts: open connections are destroyed, new ones refused (then, second round, accepted and reset
 * at once). Proves:
 * - while cut, pages (dashboard, home, an article, transfers) answer a friendly page with
 *   "temporarily unavailable / your data is safe": 503 + Retry-After from the proxy once the
 *   process knows the database is down. The request that discovers the outage is redirected
 *   (lib/db/unavailable.ts) to /unavailable, which the proxy answers with that 503 page, so a
 *   browser gets the 503 from its first request. No answer ever holds a stack trace, error
 *   name, source path or connection detail;
 * - /api/health answers 503 with database 'down'; the process stays alive;
 * - after restore, within a few seconds and without a restart, pages answer 200 with the user's
 *   data again (the probe loop marks the database up);
 * - PostgreSQL terminating the app's connections while itself fine (what a restart or a
 *   failover does to open connections) costs at most one failed request and no lasting 503s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '@playwright/test';
import pg from 'pg';
import { launchBrowser } from '../helpers/browser';
import { articleSlugs, health, openAppStack, waitUntil, type AppStack, type NextServer } from '../helpers/chaos-app';
import type { TestDatabase } from '../helpers/database';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { createMarkedUser, DATA_SAFE, FRIENDLY, getPage, leaksIn, processAlive, type MarkedUser } from './support';

let stack: AppStack<undefined> | undefined;
let database: TestDatabase | undefined;
let proxy: TcpProxy | undefined;
let server: NextServer | undefined;
let user: MarkedUser;
let slug: string;
let browser: Browser | undefined;

beforeAll(async () => {
  stack = await openAppStack('outage');
  database = stack.database;
  user = await createMarkedUser(database.prisma, 'outage', 123_456);
  [slug] = await articleSlugs(database.prisma, 1);
  proxy = await startTcpProxy({ port: Number(new URL(database.url).port || 5432) });
  const url = new URL(database.url);
  url.port = String(proxy.port);
  server = await stack.startServer({ env: { DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: '4' } });
  browser = await launchBrowser();
}, 15 * 60_000); // may wait for another fault test's lock and build the app first

afterAll(async () => {
  try {
    await browser?.close().catch(() => {});
    await proxy?.close().catch(() => {});
  } finally {
    await stack?.stop(); // releases the lock even when a stop fails: the next fault test waits for it
  }
});

const PAGES = () => [
  { path: '/dashboard', token: user.token },
  { path: '/', token: undefined },
  { path: `/articles/${slug}`, token: undefined },
  { path: '/transfers', token: user.token },
];

async function expectServedWithData() {
  const dashboard = await getPage(server!, '/dashboard', user.token);
  expect(dashboard.status).toBe(200);
  expect(dashboard.html).toContain(user.amountText);
  expect(dashboard.html).toContain(user.holdingName);
  expect((await getPage(server!, `/articles/${slug}`)).status).toBe(200);
  expect((await getPage(server!, '/')).status).toBe(200);
}

/** Requests every page `rounds` times during the outage and checks each answer. */
/** Restores the database connection; once the dashboard answers 200 again, checks the data is served. Returns how long that took. */
async function restoreAndRecover(): Promise<number> {
  const restoredAt = Date.now();
  await proxy!.restore();
  await waitUntil(async () => (await getPage(server!, '/dashboard', user.token)).status === 200, 10_000, 'the dashboard to answer 200 again', 200);
  const recoveryMs = Date.now() - restoredAt;
  await expectServedWithData();
  return recoveryMs;
}

async function expectFriendlyOutage(rounds: number) {
  const statuses: string[] = [];
  let errorPages = 0;
  for (let round = 0; round < rounds; round++) {
    for (const { path, token } of PAGES()) {
      const page = await getPage(server!, path, token);
      statuses.push(`${path}:${page.status}`);
      const context = `${path} (round ${round}) answered ${page.status}:\n${page.html.slice(0, 600)}`;
      expect([307, 503], context).toContain(page.status);
      expect(leaksIn(page.html), context).toEqual([]);
      if (page.status === 307) {
        // The render that discovered the outage hands over to the 503 page.
        expect(page.headers.get('location'), context).toMatch(/\/unavailable$/);
      }
      if (page.status === 503) {
        expect(page.html, context).toMatch(FRIENDLY);
        expect(page.html, context).toMatch(DATA_SAFE);
        expect(page.headers.get('retry-after')).toBe('5');
        expect(page.headers.get('cache-control')).toContain('no-store');
      } else {
        errorPages++;
      }
    }
  }
  // Only the request that discovers the outage is redirected to the 503 page; the rest are 503.
  expect(errorPages, statuses.join(' ')).toBeLessThanOrEqual(1);
  return statuses;
}

describe('PostgreSQL unreachable', () => {
  it('serves normally before the fault', async () => {
    await expectServedWithData();
    const { status, body } = await health(server!);
    expect(status).toBe(200);
    expect(body.database.status).toBe('up');
  });

  it('connections cut and refused: friendly 503s, no stack, health down, process alive; recovers by itself', async () => {
    await proxy!.cut('refuse');
    // The request that discovers the outage, in a browser: whatever status, the visitor reads
    // the friendly text and nothing technical.
    const context = await browser!.newContext({ baseURL: server!.url });
    await context.addCookies([{ name: 'se_session', value: user.token, url: server!.url }]);
    const tab = await context.newPage();
    const first = await tab.goto('/dashboard');
    await tab.getByText(FRIENDLY).first().waitFor({ timeout: 15_000 });
    const shown = await tab.locator('body').innerText();
    await context.close();
    // Discovered by this very request: redirected to the 503 page.
    expect(first?.status()).toBe(503);
    expect(shown).toMatch(DATA_SAFE);
    expect(leaksIn(shown)).toEqual([]);

    const statuses = await expectFriendlyOutage(3);
    statuses.unshift(`browser /dashboard:${first?.status()}`);
    const h = await health(server!);
    expect(h.status).toBe(503);
    expect(h.body.database.status).toBe('down');
    expect(processAlive(server!.pid)).toBe(true);

    const recoveryMs = await restoreAndRecover();
    expect((await health(server!)).body.database.status).toBe('up');
    console.log(`[database-outage] refuse: ${statuses.join(' ')}; recovered ${recoveryMs} ms after restore`);
    expect(recoveryMs).toBeLessThan(5_000);
  });

  it('connections reset on accept, for longer: same, and the probe loop keeps going until it is back', async () => {
    await proxy!.cut('reset');
    const statuses = await expectFriendlyOutage(2);
    await new Promise((r) => setTimeout(r, 3_000)); // several probe rounds fail
    await expectFriendlyOutage(1);
    expect((await health(server!)).body.database.status).toBe('down');
    expect(processAlive(server!.pid)).toBe(true);

    const recoveryMs = await restoreAndRecover();
    console.log(`[database-outage] reset: ${statuses.join(' ')}; recovered ${recoveryMs} ms after restore`);
    expect(recoveryMs).toBeLessThan(5_000);
    // nothing in the server log that looks like a crash
    expect(server!.logs()).not.toMatch(/uncaughtException|unhandledRejection/i);
  });

  it("PostgreSQL terminating the app's connections (itself fine): at most one failed request, no lasting 503", async () => {
    await getPage(server!, '/dashboard', user.token); // the pool holds open connections
    const admin = new pg.Client({ connectionString: database!.url });
    await admin.connect();
    try {
      const { rowCount } = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      expect(rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const page = await getPage(server!, '/dashboard', user.token);
      statuses.push(page.status);
      expect(leaksIn(page.html)).toEqual([]);
      if (page.status !== 200) await new Promise((r) => setTimeout(r, 300));
    }
    console.log(`[database-outage] backends terminated: ${statuses.join(' ')}`);
    expect(statuses.filter((st) => st !== 200).length, statuses.join(' ')).toBeLessThanOrEqual(1);
    expect(statuses.slice(-3)).toEqual([200, 200, 200]);
  });
});
