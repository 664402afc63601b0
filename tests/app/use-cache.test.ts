/**
 * Both cache interfaces of @stakeeasy/next-redis-cache in a real Next app: the fixture in
 * tests/use-cache-fixture (cacheComponents, 'use cache: remote' with cacheTag + cacheLife, server
 * actions calling updateTag and revalidateTag(tag, 'max'); cacheHandler and cacheHandlers both
 * pointing at the package), built once and run as two `next start` instances on one Redis.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireAppTestLock, ensureFixtureBuild, getPage, startNextServer, waitUntil, type NextServer } from '../helpers/next-server';
import { startRedis, type RedisServer } from '../helpers/redis-server';

const FIXTURE = 'tests/use-cache-fixture';
const PAGE = '/remote';

let release: (() => void) | undefined;
let redis: RedisServer | undefined;
let A: NextServer;
let B: NextServer;
const servers: NextServer[] = [];
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'use-cache-fixture-'));
const dataFile = path.join(dataDir, 'value.txt');

beforeAll(async () => {
  release = await acquireAppTestLock();
  await ensureFixtureBuild(FIXTURE);
  redis = await startRedis();
  writeFileSync(dataFile, 'v0');
  const env = { REDIS_URL: redis.url, CACHE_KEY_PREFIX: `apptest-use-cache-${process.pid}-${Date.now()}:`, FIXTURE_DATA_FILE: dataFile };
  const opts = { env, cwd: path.resolve(FIXTURE), distDir: '.next', readyPath: PAGE };
  const started = await Promise.allSettled([startNextServer(opts), startNextServer(opts)]);
  for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
  for (const s of started) if (s.status === 'rejected') throw s.reason;
  [A, B] = servers;
}, 300_000);

afterAll(async () => {
  await Promise.allSettled(servers.map((s) => s.stop()));
  await redis?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  release?.();
});

/** What the page shows: the cached value and when that value was rendered. */
async function read(server: NextServer) {
  const page = await getPage(server, PAGE);
  const value = /id="value">([^<]*)</.exec(page.html)?.[1];
  const rendered = /id="rendered">([^<]*)</.exec(page.html)?.[1];
  if (page.status !== 200 || value === undefined) throw new Error(`${PAGE} on ${server.port}: HTTP ${page.status}\n${page.html.slice(0, 500)}`);
  return { value, rendered: Number(rendered), ms: page.ms };
}

/** Submits one of the page's forms without JavaScript (the action id is a hidden field). */
async function submit(server: NextServer, form: 'update' | 'revalidate', value: string) {
  const html = (await getPage(server, PAGE)).html;
  const formHtml = new RegExp(`<form[^>]*id="${form}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[1] ?? '';
  const actionField = /name="(\$ACTION_ID_[^"]+)"/.exec(formHtml)?.[1];
  if (!actionField) throw new Error(`no action id in form ${form}:\n${formHtml}`);
  const body = new FormData();
  body.set(actionField, '');
  body.set('value', value);
  const res = await fetch(`${server.url}${PAGE}`, { method: 'POST', body, headers: { origin: server.url }, redirect: 'manual', signal: AbortSignal.timeout(15_000) });
  await res.arrayBuffer();
  // the action redirects to /done once it has written and invalidated
  expect(res.status, `action ${form} on ${server.port}`).toBe(303);
}

describe("'use cache: remote' + both cache interfaces, two instances on one Redis", () => {
  it('caches across instances: a value rendered on A is served by B', async () => {
    const first = await read(A);
    const onB = await read(B);
    expect(onB.value).toBe('v0');
    expect(onB.rendered).toBe(first.rendered); // the same entry, not a render of B's own
  });

  it('updateTag in a server action on A: the next read on B is fresh', async () => {
    expect((await read(B)).value).toBe('v0');
    await submit(A, 'update', 'v1');
    expect((await read(B)).value).toBe('v1');
    expect((await read(A)).value).toBe('v1');
  });

  it("revalidateTag(tag, 'max') on A: B serves the old value once, then the regenerated one", async () => {
    const before = await read(B);
    expect(before.value).toBe('v1');
    await submit(A, 'revalidate', 'v2');
    const stale = await read(B);
    expect(stale.value).toBe('v1');
    expect(stale.rendered).toBe(before.rendered);
    // B regenerated it in the background; every instance reads the new entry from then on
    await waitUntil(async () => (await read(B)).value === 'v2', 5000, 'B serves the regenerated entry');
    const onA = await read(A);
    expect(onA.value).toBe('v2');
  });

  it('Redis paused: pages keep answering within the budget; an updateTag made meanwhile is replayed and reaches B', async () => {
    await read(B); // B holds the current entry in its L1
    redis!.pause();
    try {
      // 150 ms per cache call (incremental cache for the shell, cacheHandlers for the hole) until
      // the breaker opens, plus the render: far below the seconds a stacked timeout would cost.
      for (const server of [A, B, A, B]) {
        const r = await read(server);
        expect(r.value).toBe('v2');
        expect(r.ms).toBeLessThan(1500);
      }
      await submit(A, 'update', 'v3');
      expect((await read(A)).value).toBe('v3'); // applied on A at once
    } finally {
      redis!.resume();
    }
    // A replays the queued invalidation as soon as Redis answers: B then renders the new value
    await waitUntil(async () => (await read(B)).value === 'v3', 5000, 'the replayed updateTag reaches B');
  });

  it('Redis killed: pages keep answering within the budget', async () => {
    await redis!.kill();
    try {
      for (const server of [A, B, A, B]) {
        const r = await read(server);
        expect(r.value).toBe('v3');
        expect(r.ms).toBeLessThan(1500);
      }
    } finally {
      await redis!.start();
    }
  });
});
