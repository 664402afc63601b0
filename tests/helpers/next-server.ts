/**
 * Real `next start` servers for app-level tests (tests/app, and tests/faults through
 * chaos-app.ts): one shared production build in NEXT_DIST_DIR=.next-apptest, servers on free
 * ports with their own env, a fresh seeded PostgreSQL database, users signed in through sessions
 * created directly in the database (no browser sign-in). The fixtures at the end put these
 * together: `openAppStack` (lock, build, database, optional Redis, servers, one stop) and
 * `startTwoInstances` (two instances of the build on one Redis or Redis Cluster).
 *
 * Every server runs in its own process group and is stopped by PID (SIGTERM, then SIGKILL); an
 * exit/signal hook kills whatever a crashed test left running. App test files take a lock file
 * for their whole run, so two of them never load the machine at the same time (their latency
 * bounds assume that) and the build is made once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { seed } from '@/prisma/seed/index';
import { createTestDatabase, type TestDatabase } from './database';
import { freePort, type RedisCluster, type RedisServer } from './redis-server';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST_DIR = process.env.APPTEST_DIST_DIR ?? '.next-apptest';
const NEXT_BIN = path.join(ROOT, 'node_modules/next/dist/bin/next');
// Outside the tree (a crashed run must not leave a file in `git status`), one per checkout.
const LOCK_FILE = path.join(os.tmpdir(), `stakeeasy-apptest-${createHash('sha256').update(path.join(ROOT, DIST_DIR)).digest('hex').slice(0, 12)}.lock`);

// ─────────────────────────────────────────── cleanup ───────────────────────────────────────────

const liveGroups = new Set<number>();
let hooked = false;

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

function hookExit() {
  if (hooked) return;
  hooked = true;
  const killAll = () => {
    for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
    liveGroups.clear();
    releaseLockSync();
  };
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const)[signal]);
    });
  }
}

// ──────────────────────────────────────────── lock ─────────────────────────────────────────────

let lockHeld = false;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseLockSync() {
  if (!lockHeld) return;
  lockHeld = false;
  try {
    if (Number(readFileSync(LOCK_FILE, 'utf8')) === process.pid) rmSync(LOCK_FILE, { force: true });
  } catch {
    /* not ours any more */
  }
}

/**
 * Waits until no other app test file runs (a lock left by a dead process is taken over).
 * Returns the release function; also released on exit.
 */
export async function acquireAppTestLock(timeoutMs = 15 * 60_000): Promise<() => void> {
  hookExit();
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(LOCK_FILE, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      lockHeld = true;
      return releaseLockSync;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let owner = NaN;
      try {
        owner = Number(readFileSync(LOCK_FILE, 'utf8'));
      } catch {
        continue; // removed meanwhile
      }
      if (!Number.isInteger(owner) || owner <= 0 || !alive(owner)) {
        rmSync(LOCK_FILE, { force: true });
        continue;
      }
      if (Date.now() > until) throw new Error(`another app test (pid ${owner}) holds ${LOCK_FILE}`);
      await sleep(500);
    }
  }
}

// ──────────────────────────────────────────── build ────────────────────────────────────────────

/** Inputs of the production build; a newer file than BUILD_ID means the build is out of date. */
const BUILD_INPUTS = ['app', 'lib', 'prisma/seed', 'prisma/schema.prisma', 'next.config.ts', 'proxy.ts', 'instrumentation.ts', 'package.json', 'package-lock.json'];

function newestMtime(p: string): number {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(p)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    max = Math.max(max, newestMtime(path.join(p, name)));
  }
  return max;
}

function buildIsCurrent(distDir = DIST_DIR): boolean {
  const id = path.join(ROOT, distDir, 'BUILD_ID');
  if (!existsSync(id)) return false;
  const built = statSync(id).mtimeMs;
  return BUILD_INPUTS.every((p) => newestMtime(path.join(ROOT, p)) < built);
}

/** Vitest's main process: the same for every test file (worker) of one `vitest run`. */
const RUN_MARKER = path.join(ROOT, DIST_DIR, 'APPTEST_RUN');
const runId = () => `${process.ppid}`;

function builtInThisRun(): boolean {
  try {
    return readFileSync(RUN_MARKER, 'utf8') === runId();
  } catch {
    return false;
  }
}

/**
 * `next build` into DIST_DIR unless APPTEST_SKIP_BUILD=1 (reuse whatever is there), the build
 * is newer than every source file, or another file of this vitest run already built it (others
 * edit the tree meanwhile: one build per run). Call while holding the app test lock.
 * `next build` rewrites tsconfig.json's `include` to list its dist dir's types; the file is put
 * back as it was, so a test run leaves the working tree unchanged.
 */
export async function ensureAppBuild(): Promise<void> {
  if (process.env.APPTEST_SKIP_BUILD === '1') {
    if (!existsSync(path.join(ROOT, DIST_DIR, 'BUILD_ID'))) throw new Error(`APPTEST_SKIP_BUILD=1 but ${DIST_DIR}/BUILD_ID is missing`);
    return;
  }
  if (builtInThisRun() || buildIsCurrent()) return;
  const includedBefore = tsconfigIncludes();
  try {
    await run(process.execPath, [NEXT_BIN, 'build'], { ...cleanEnv(), NEXT_DIST_DIR: DIST_DIR, NODE_ENV: 'production' }, 10 * 60_000);
  } finally {
    dropAddedDistTypes(includedBefore);
  }
  writeFileSync(RUN_MARKER, runId());
}

/** The build id a dist dir was built with (its BUILD_ID file), or undefined if there is none. */
export function buildIdOf(distDir: string): string | undefined {
  try {
    return readFileSync(path.join(ROOT, distDir, 'BUILD_ID'), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * A second production build of the same source into `distDir`, with `env` added to the build's
 * environment (e.g. NEXT_BUILD_ID, NEXT_DEPLOYMENT_ID: the rolling-deploy test's "new" build).
 * Reused when it has the build id `env.NEXT_BUILD_ID` asks for and is newer than every source
 * file, or (APPTEST_SKIP_BUILD=1) whenever it has that id: CI builds it at most once per run.
 * Call while holding the app test lock.
 */
export async function ensureExtraBuild(distDir: string, env: Record<string, string>): Promise<void> {
  if (distDir === DIST_DIR) throw new Error(`ensureExtraBuild: ${distDir} is the shared app test build`);
  const wanted = env.NEXT_BUILD_ID;
  const idOk = wanted === undefined ? buildIdOf(distDir) !== undefined : buildIdOf(distDir) === wanted;
  if (idOk && (process.env.APPTEST_SKIP_BUILD === '1' || buildIsCurrent(distDir))) return;
  const includedBefore = tsconfigIncludes();
  try {
    await run(process.execPath, [NEXT_BIN, 'build'], { ...cleanEnv(), ...env, NEXT_DIST_DIR: distDir, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' }, 10 * 60_000);
  } finally {
    dropAddedDistTypes(includedBefore, distDir);
  }
  if (wanted !== undefined && buildIdOf(distDir) !== wanted) throw new Error(`${distDir} was built with id ${buildIdOf(distDir)}, not ${wanted}`);
}

/**
 * `next build` of a small separate app (a folder under tests/ with its own next.config, e.g.
 * tests/use-cache-fixture) into its `.next`, unless that build is newer than every file of the
 * folder. Call while holding the app test lock.
 */
export async function ensureFixtureBuild(dir: string): Promise<void> {
  const id = path.join(ROOT, dir, '.next', 'BUILD_ID');
  if (existsSync(id) && newestMtime(path.join(ROOT, dir)) < statSync(id).mtimeMs) return;
  await run(process.execPath, [NEXT_BIN, 'build', dir], { ...cleanEnv(), NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' }, 10 * 60_000);
}

const TSCONFIG = path.join(ROOT, 'tsconfig.json');

function tsconfigIncludes(): string[] {
  return (JSON.parse(readFileSync(TSCONFIG, 'utf8')) as { include?: string[] }).include ?? [];
}

/**
 * Takes out the `<DIST_DIR>/...` entries `next build` just added to tsconfig.json's include, and
 * nothing else (other engineers' builds may be editing the file at the same time). Next writes
 * the file as 2-space JSON, so writing it back the same way changes only those lines.
 */
function dropAddedDistTypes(includedBefore: string[], distDir = DIST_DIR) {
  const config = JSON.parse(readFileSync(TSCONFIG, 'utf8')) as { include?: string[] };
  const include = config.include ?? [];
  const kept = include.filter((entry) => !(entry.startsWith(`${distDir}/`) && !includedBefore.includes(entry)));
  if (kept.length === include.length) return;
  config.include = kept;
  writeFileSync(TSCONFIG, `${JSON.stringify(config, null, 2)}\n`);
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  hookExit();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = child.pid!;
    liveGroups.add(pid);
    let output = '';
    const keep = (d: Buffer) => {
      output = (output + d.toString()).slice(-20_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      liveGroups.delete(pid);
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(args[1] ?? cmd)} ${args.slice(1).join(' ')} failed (${code ?? signal}):\n${output}`));
    });
  });
}

/** The test process's environment without anything that would point a server at shared state. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (/^(REDIS_|CACHE_|DATABASE_|PGLITE_|NEXT_|VITEST|E2E_)/.test(k) || k === 'NODE_ENV') delete env[k];
  }
  return env;
}

// ─────────────────────────────────────────── servers ───────────────────────────────────────────

export interface NextServer {
  port: number;
  url: string;
  readonly pid: number;
  /** The last ~50 KB of stdout + stderr, for failure messages. */
  logs(): string;
  stop(): Promise<void>;
  /** Start again on the same port with the same env (after stop()). */
  start(): Promise<void>;
}

export interface NextServerOptions {
  /** Server env on top of a clean copy of the test env: DATABASE_URL, REDIS_URL, ... */
  env: Record<string, string>;
  port?: number;
  readyTimeoutMs?: number;
  /**
   * 'ok' (default): ready once /api/health says ok (database and Redis connected, breaker
   * closed). 'any': as soon as /api/health answers at all (e.g. a server meant to be degraded).
   */
  ready?: 'ok' | 'any';
  /** The build to serve (default DIST_DIR, the shared app test build). */
  distDir?: string;
  /** The app's folder (default: the repository root, the StakeEasy app; tests/use-cache-fixture for the fixture). */
  cwd?: string;
  /** An app without /api/health: ready once this path answers 200. */
  readyPath?: string;
}

export async function startNextServer(opts: NextServerOptions): Promise<NextServer> {
  hookExit();
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let output = '';

  const launch = async () => {
    const env: NodeJS.ProcessEnv = {
      ...cleanEnv(),
      NODE_ENV: 'production',
      NEXT_DIST_DIR: opts.distDir ?? DIST_DIR,
      NEXT_TELEMETRY_DISABLED: '1',
      RATES_SCHEDULER: 'off',
      ...opts.env,
    };
    const p = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: opts.cwd ?? ROOT,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = p;
    liveGroups.add(p.pid!);
    const keep = (d: Buffer) => {
      output = (output + d.toString()).slice(-50_000);
    };
    p.stdout!.on('data', keep);
    p.stderr!.on('data', keep);
    p.once('exit', () => liveGroups.delete(p.pid!));
    const until = Date.now() + (opts.readyTimeoutMs ?? 60_000);
    let last = 'no answer';
    while (Date.now() < until) {
      if (p.exitCode !== null || p.signalCode !== null) throw new Error(`next start exited (${p.exitCode ?? p.signalCode}):\n${output}`);
      try {
        const res = await fetch(`${url}${opts.readyPath ?? '/api/health'}`, { signal: AbortSignal.timeout(2000) });
        const text = await res.text();
        if (opts.readyPath) {
          if (res.status === 200) return;
          last = `HTTP ${res.status} ${text.slice(0, 500)}`;
          await sleep(150);
          continue;
        }
        if (res.status === 200 || res.status === 503) {
          if (opts.ready === 'any' || (JSON.parse(text) as { status?: string }).status === 'ok') return;
        }
        last = `HTTP ${res.status} ${text.slice(0, 500)}`;
      } catch (err) {
        last = String(err); // not listening yet
      }
      await sleep(150);
    }
    await stopProc();
    throw new Error(`next start on ${port} not ready in time (/api/health: ${last}):\n${output}`);
  };

  const stopProc = async () => {
    const p = child;
    if (!p?.pid || p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise<void>((r) => p.once('exit', () => r()));
    killGroup(p.pid, 'SIGTERM');
    const escalate = setTimeout(() => killGroup(p.pid!, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(escalate);
    // `next start` may leave a worker in the group behind its exit: make sure it is gone.
    killGroup(p.pid, 'SIGKILL');
    liveGroups.delete(p.pid);
  };

  await launch();
  return {
    port,
    url,
    get pid() {
      return child?.pid ?? -1;
    },
    logs: () => output,
    stop: stopProc,
    start: launch,
  };
}

// ──────────────────────────────────────────── data ─────────────────────────────────────────────

/** A fresh PostgreSQL database, migrated and seeded like the e2e run's (demo user, articles, rates). */
export async function createAppDatabase(label: string): Promise<TestDatabase> {
  const database = await createTestDatabase(label);
  try {
    await seed(database.prisma);
  } catch (err) {
    await database.drop();
    throw err;
  }
  return database;
}

export const SESSION_COOKIE = 'se_session';

/**
 * Signs a user in without the sign-in form: a Session row whose id is sha256(token) in hex, as
 * lib/auth/session.ts stores it (importing that module would pull in next/headers). Returns the
 * token to send as the `se_session` cookie.
 */
export async function createSession(prisma: PrismaClient, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await prisma.session.create({
    data: { id: createHash('sha256').update(token).digest('hex'), userId, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  return token;
}

export const cookieHeader = (token: string) => ({ cookie: `${SESSION_COOKIE}=${token}` });

export interface MarkedUser {
  /** Unique text in the user's e-mail, site name (and the chaos run's transfer notes). */
  tag: string;
  userId: string;
  email: string;
  token: string;
  holdingId: string;
  /** A holding name no other user has: its presence in a response identifies this user's data. */
  holdingName: string;
  /** An amount (as the app formats it in USD) no other user has. */
  amountText: string;
}

/**
 * A new user (USD) with one poker site holding `balanceCents`, recorded an hour ago, signed in
 * through a DB session. Its e-mail and site name contain a unique tag made from `label`.
 */
export async function createMarkedUser(prisma: PrismaClient, label: string, balanceCents: number): Promise<MarkedUser> {
  const tag = `${label}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const email = `${tag}@faults.example.com`;
  const holdingName = `Site ${tag}`.slice(0, 50);
  const amount = (balanceCents / 100).toFixed(2);
  // The password is never used: the user signs in by a session row.
  const user = await prisma.user.create({ data: { email, passwordHash: 'not-a-real-hash', displayCurrency: 'USD' } });
  const holding = await prisma.holding.create({
    data: {
      userId: user.id,
      kind: 'POKER_SITE',
      name: holdingName,
      currency: 'USD',
      snapshots: { create: { amount, currency: 'USD', recordedAt: new Date(Date.now() - 3_600_000) } },
    },
  });
  return {
    tag,
    userId: user.id,
    email,
    token: await createSession(prisma, user.id),
    holdingId: holding.id,
    holdingName,
    amountText: new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(balanceCents / 100),
  };
}

/** Slugs of `count` published articles (public ISR pages), in slug order. */
export async function articleSlugs(prisma: PrismaClient, count: number): Promise<string[]> {
  const rows = await prisma.article.findMany({ where: { publishedAt: { not: null } }, select: { slug: true }, orderBy: { slug: 'asc' }, take: count });
  if (rows.length < count) throw new Error(`the seed has only ${rows.length} published articles`);
  return rows.map((r) => r.slug);
}

// ──────────────────────────────────────────── pages ────────────────────────────────────────────

export interface PageAnswer {
  status: number;
  html: string;
  headers: Headers;
  ms: number;
}

/** One request (not following redirects), signed in when `token` is given, with its latency. */
export async function getPage(server: { url: string }, path: string, token?: string, timeoutMs = 15_000): Promise<PageAnswer> {
  const started = performance.now();
  const res = await fetch(`${server.url}${path}`, { headers: token ? cookieHeader(token) : {}, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  const html = await res.text();
  return { status: res.status, html, headers: res.headers, ms: performance.now() - started };
}

// ─────────────────────────────────────────── helpers ───────────────────────────────────────────

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Cache counters and health of one server, from its /api/health. */
export interface HealthBody {
  status: 'ok' | 'degraded' | 'down';
  database: { status: string; latencyMs: number | null };
  redis: { status: 'disabled' | 'up' | 'down'; latencyMs: number | null };
  cache: Record<string, number | string | object> & {
    breaker: string;
    pendingInvalidations: number;
    gets: number;
    sets: number;
    misses: number;
    redisHits: number;
    l1Hits: number;
  };
}

export async function health(server: { url: string }): Promise<{ status: number; body: HealthBody; headers: Headers }> {
  const res = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(5000) });
  return { status: res.status, body: (await res.json()) as HealthBody, headers: res.headers };
}

/** Polls `cond` until it holds (or throws with `what`). */
export async function waitUntil(cond: () => Promise<boolean> | boolean, timeoutMs: number, what: string, everyMs = 100): Promise<void> {
  const until = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < until) {
    try {
      if (await cond()) return;
    } catch (err) {
      lastError = err;
    }
    await sleep(everyMs);
  }
  throw new Error(`timed out waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
}

// ─────────────────────────────────────────── fixtures ──────────────────────────────────────────

export interface AppStack<R> {
  database: TestDatabase;
  /** What `redis` started (undefined without it). */
  redis: R;
  /** Starts a server of the build; stop() stops it. */
  startServer(opts: NextServerOptions): Promise<NextServer>;
  /**
   * Stops the servers, then Redis, drops the database, and releases the app test lock even
   * when one of those fails (the next app test waits for it). Throws the first failure.
   */
  stop(): Promise<void>;
}

/**
 * What an app test runs against: waits for the app test lock, builds (see ensureAppBuild),
 * then a fresh seeded database named after `label` and, when `redis` is given, whatever it
 * starts (a redis-server, a cluster), in parallel. Servers come from startServer().
 */
export async function openAppStack<R extends { stop(): Promise<void> } | undefined = undefined>(
  label: string,
  opts: { redis?: () => Promise<R> } = {},
): Promise<AppStack<R>> {
  const release = await acquireAppTestLock();
  const servers: NextServer[] = [];
  let database: TestDatabase | undefined;
  let redis: R | undefined;
  const stop = async () => {
    const failures: unknown[] = [];
    const settle = async (steps: Array<Promise<unknown> | undefined>) => {
      for (const r of await Promise.allSettled(steps)) if (r.status === 'rejected') failures.push(r.reason);
    };
    try {
      await settle(servers.map((s) => s.stop()));
      await settle([redis?.stop()]);
      await settle([database?.drop()]);
    } finally {
      release();
    }
    if (failures.length) throw failures[0];
  };
  try {
    await ensureAppBuild();
    const [db, r] = await Promise.allSettled([createAppDatabase(label), opts.redis?.()]);
    if (db.status === 'fulfilled') database = db.value;
    if (r.status === 'fulfilled') redis = r.value;
    if (db.status === 'rejected') throw db.reason;
    if (r.status === 'rejected') throw r.reason;
  } catch (err) {
    await stop().catch(() => {});
    throw err;
  }
  return {
    database: database!,
    redis: redis as R,
    async startServer(serverOpts) {
      const server = await startNextServer(serverOpts);
      servers.push(server);
      return server;
    },
    stop,
  };
}

export interface TwoInstances<R extends RedisServer | RedisCluster> extends AppStack<R> {
  /** Two `next start` instances of one build with the same env. */
  a: NextServer;
  b: NextServer;
  /** Their env: the database, Redis (REDIS_URL, or REDIS_CLUSTER_NODES for a cluster), the prefix, `env`. */
  env: Record<string, string>;
  /** CACHE_KEY_PREFIX of both, unique to this run. */
  prefix: string;
}

/**
 * Two `next start` instances (A, B) sharing one Redis (what `redis` starts: startRedis() or
 * startCluster()) and one fresh seeded database; `env` is added to both servers' env.
 * Call stop() in afterAll.
 */
export async function startTwoInstances<R extends RedisServer | RedisCluster>(opts: {
  label: string;
  redis: () => Promise<R>;
  env?: Record<string, string>;
  /** Default `apptest-<label>-<pid>-<now>:` */
  prefix?: string;
}): Promise<TwoInstances<R>> {
  const stack = await openAppStack(opts.label, { redis: opts.redis });
  try {
    const prefix = opts.prefix ?? `apptest-${opts.label}-${process.pid}-${Date.now()}:`;
    const redis: RedisServer | RedisCluster = stack.redis;
    const env = {
      DATABASE_URL: stack.database.url,
      ...('seeds' in redis ? { REDIS_CLUSTER_NODES: redis.seeds } : { REDIS_URL: redis.url }),
      CACHE_KEY_PREFIX: prefix,
      ...opts.env,
    };
    // Both settle before a failure is thrown, so stop() finds every server that did start.
    const [a, b] = await Promise.allSettled([stack.startServer({ env }), stack.startServer({ env })]);
    if (a.status === 'rejected') throw a.reason;
    if (b.status === 'rejected') throw b.reason;
    return { ...stack, a: a.value, b: b.value, env, prefix };
  } catch (err) {
    await stack.stop().catch(() => {});
    throw err;
  }
}
