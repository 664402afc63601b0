/**
 * The benchmark data set (issue 6): 100 users, each with 20 poker sites x 365 daily balance
 * snapshots (730,000 snapshots), 1,000 deposits/withdrawals (100,000 transfers) and 5,000 ended
 * play sessions over the year (500,000 sessions, issue 11), plus 470 articles on top of the 30
 * seed articles (500 published).
 *
 *   npx tsx bench/generate-data.ts [--force] [--users=100] [--articles=500]
 *
 * Database: BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/stakeeasy_bench. It is
 * created if missing, migrated (lib/db/schema-engine applyMigrations), seeded with the normal seed
 * (currencies, rate history, achievements, demo and admin accounts, 30 articles), then the bench
 * rows are bulk-inserted through `pg` as `INSERT ... SELECT FROM unnest($1::text[], ...)` batches.
 *
 * Idempotent: when the row counts already match, nothing is written (a few count queries);
 * --force drops and recreates the database. Deterministic: a seeded PRNG, ids derived from
 * indexes (bench_u001, bench_h001_07, ...), dates relative to the day of generation.
 * Every bench user has the password BENCH_PASSWORD (hashed once with lib/auth/password.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { applyMigrations } from '@/lib/db/schema-engine';
import { hashPassword } from '@/lib/auth/password';
import { renderMarkdown } from '@/lib/articles/markdown';
import { seed } from '@/prisma/seed/index';
import { loadSeedArticles } from '@/prisma/seed/articles';
import { createRandom } from '@/prisma/seed/random';

export const BENCH_PASSWORD = 'BenchPoker!2024';
export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/stakeeasy_bench';
export const SITES_PER_USER = 20;
export const SNAPSHOT_DAYS = 365;
export const TRANSFERS_PER_USER = 1000;
export const SESSIONS_PER_USER = 5000;
const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD'] as const;
const BATCH_ROWS = 20_000;
const DAY_MS = 86_400_000;

export interface DataSetSpec {
  users: number;
  /** published articles in total (the seed provides 30) */
  articles: number;
}

export const FULL_DATA_SET: DataSetSpec = { users: 100, articles: 500 };

const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const benchUserId = (i: number) => `bench_u${pad(i, 3)}`;
export const benchUserEmail = (i: number) => `bench-${pad(i, 3)}@stakeeasy.bench`;

export function benchDatabaseUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
}

function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

async function withClient<T>(url: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function ensureDatabase(url: string, force: boolean): Promise<void> {
  const name = databaseName(url);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected bench database name "${name}"`);
  await withClient(adminUrl(url), async (c) => {
    if (force) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await c.query(`CREATE DATABASE "${name}"`);
  });
}

interface Column {
  name: string;
  /** element type of the array parameter */
  type: 'text' | 'int' | 'numeric' | 'timestamptz' | 'date';
  /** cast applied in the SELECT (enums) */
  cast?: string;
}

/** One multi-row INSERT: each column travels as one array parameter and is unnested server-side. */
async function insertColumns(c: pg.Client, table: string, columns: Column[], data: unknown[][]): Promise<void> {
  if (data[0].length === 0) return;
  const names = columns.map((col) => `"${col.name}"`).join(', ');
  const params = columns.map((col, i) => `$${i + 1}::${col.type}[]`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`);
  const select = columns.map((col, i) => (col.cast ? `${aliases[i]}::${col.cast}` : aliases[i])).join(', ');
  await c.query(`INSERT INTO "${table}" (${names}) SELECT ${select} FROM unnest(${params}) AS t(${aliases.join(', ')})`, data);
}

/** Collects rows column-wise and flushes every BATCH_ROWS rows. */
class ColumnBatch {
  private cols: unknown[][];
  rows = 0;
  constructor(
    private c: pg.Client,
    private table: string,
    private columns: Column[],
  ) {
    this.cols = columns.map(() => []);
  }
  async add(...values: unknown[]): Promise<void> {
    values.forEach((v, i) => this.cols[i].push(v));
    this.rows++;
    if (this.cols[0].length >= BATCH_ROWS) await this.flush();
  }
  async flush(): Promise<void> {
    await insertColumns(this.c, this.table, this.columns, this.cols);
    this.cols = this.columns.map(() => []);
  }
}

export interface DataSetCounts {
  users: number;
  holdings: number;
  snapshots: number;
  transfers: number;
  sessions: number;
  publishedArticles: number;
}

export async function countDataSet(c: pg.Client): Promise<DataSetCounts> {
  const one = async (sql: string) => Number((await c.query<{ n: string }>(sql)).rows[0].n);
  return {
    users: await one(`SELECT count(*) AS n FROM "User" WHERE id LIKE 'bench\\_u%'`),
    holdings: await one(`SELECT count(*) AS n FROM "Holding" WHERE id LIKE 'bench\\_h%'`),
    snapshots: await one(`SELECT count(*) AS n FROM "BalanceSnapshot" WHERE id LIKE 'bench\\_s%'`),
    transfers: await one(`SELECT count(*) AS n FROM "Transfer" WHERE id LIKE 'bench\\_t%'`),
    sessions: await one(`SELECT count(*) AS n FROM "PlaySession" WHERE id LIKE 'bench\\_p%'`),
    publishedArticles: await one(`SELECT count(*) AS n FROM "Article" WHERE status = 'PUBLISHED'`),
  };
}

export function expectedCounts(spec: DataSetSpec): DataSetCounts {
  return {
    users: spec.users,
    holdings: spec.users * SITES_PER_USER,
    snapshots: spec.users * SITES_PER_USER * SNAPSHOT_DAYS,
    transfers: spec.users * TRANSFERS_PER_USER,
    sessions: spec.users * SESSIONS_PER_USER,
    publishedArticles: spec.articles,
  };
}

const complete = (have: DataSetCounts, want: DataSetCounts) =>
  have.users === want.users &&
  have.holdings === want.holdings &&
  have.snapshots === want.snapshots &&
  have.transfers === want.transfers &&
  have.sessions === want.sessions &&
  have.publishedArticles >= want.publishedArticles;

async function insertUsers(c: pg.Client, spec: DataSetSpec, now: Date, log: (s: string) => void): Promise<void> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const users = new ColumnBatch(c, 'User', [
    { name: 'id', type: 'text' },
    { name: 'email', type: 'text' },
    { name: 'passwordHash', type: 'text' },
    { name: 'displayName', type: 'text' },
    { name: 'role', type: 'text', cast: '"Role"' },
    { name: 'displayCurrency', type: 'text' },
    { name: 'createdAt', type: 'timestamptz' },
    { name: 'updatedAt', type: 'timestamptz' },
  ]);
  const holdings = new ColumnBatch(c, 'Holding', [
    { name: 'id', type: 'text' },
    { name: 'userId', type: 'text' },
    { name: 'kind', type: 'text', cast: '"HoldingKind"' },
    { name: 'name', type: 'text' },
    { name: 'currency', type: 'text' },
    { name: 'position', type: 'int' },
    { name: 'createdAt', type: 'timestamptz' },
    { name: 'updatedAt', type: 'timestamptz' },
  ]);
  const snapshots = new ColumnBatch(c, 'BalanceSnapshot', [
    { name: 'id', type: 'text' },
    { name: 'holdingId', type: 'text' },
    { name: 'amount', type: 'numeric' },
    { name: 'currency', type: 'text' },
    { name: 'recordedAt', type: 'timestamptz' },
    { name: 'createdAt', type: 'timestamptz' },
  ]);
  const transfers = new ColumnBatch(c, 'Transfer', [
    { name: 'id', type: 'text' },
    { name: 'userId', type: 'text' },
    { name: 'type', type: 'text', cast: '"TransferType"' },
    { name: 'amount', type: 'numeric' },
    { name: 'currency', type: 'text' },
    { name: 'occurredOn', type: 'date' },
    { name: 'createdAt', type: 'timestamptz' },
    { name: 'updatedAt', type: 'timestamptz' },
  ]);
  const sessions = new ColumnBatch(c, 'PlaySession', [
    { name: 'id', type: 'text' },
    { name: 'userId', type: 'text' },
    { name: 'kind', type: 'text', cast: '"PlaySessionKind"' },
    { name: 'game', type: 'text', cast: '"PokerGame"' },
    { name: 'siteId', type: 'text' },
    { name: 'currency', type: 'text' },
    { name: 'smallBlind', type: 'numeric' },
    { name: 'bigBlind', type: 'numeric' },
    { name: 'buyIn', type: 'numeric' },
    { name: 'fee', type: 'numeric' },
    { name: 'reEntries', type: 'int' },
    { name: 'rebuys', type: 'numeric' },
    { name: 'cashOut', type: 'numeric' },
    { name: 'hands', type: 'int' },
    { name: 'startedAt', type: 'timestamptz' },
    { name: 'endedAt', type: 'timestamptz' },
    { name: 'createdAt', type: 'timestamptz' },
    { name: 'updatedAt', type: 'timestamptz' },
  ]);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const firstDay = today - (SNAPSHOT_DAYS - 1) * DAY_MS;
  const created = new Date(firstDay - DAY_MS).toISOString();
  const nowIso = now.toISOString();
  const siteCurrency = (u: number, k: number) => CURRENCIES[(u + k) % CURRENCIES.length];
  const holdingId = (u: number, k: number) => `bench_h${pad(u, 3)}_${pad(k, 2)}`;
  // Parents first (foreign keys): users and holdings, then the big child tables.
  for (let u = 1; u <= spec.users; u++) {
    await users.add(benchUserId(u), benchUserEmail(u), passwordHash, `Bench Player ${pad(u, 3)}`, 'USER', CURRENCIES[u % CURRENCIES.length], created, nowIso);
    for (let k = 0; k < SITES_PER_USER; k++) {
      await holdings.add(holdingId(u, k), benchUserId(u), 'POKER_SITE', `Bench site ${pad(k + 1, 2)}`, siteCurrency(u, k), k, created, nowIso);
    }
  }
  await users.flush();
  await holdings.flush();
  for (let u = 1; u <= spec.users; u++) {
    const rnd = createRandom(`bench-user-${u}`);
    for (let k = 0; k < SITES_PER_USER; k++) {
      // A random walk with a slight upward drift, never below zero: one snapshot per day.
      let balance = rnd.between(200, 5000);
      for (let d = 0; d < SNAPSHOT_DAYS; d++) {
        balance = Math.max(0, balance + rnd.gaussian() * 60 + 3);
        const at = new Date(firstDay + d * DAY_MS + 20 * 3_600_000).toISOString();
        await snapshots.add(`bench_s${pad(u, 3)}_${pad(k, 2)}_${pad(d, 3)}`, holdingId(u, k), balance.toFixed(2), siteCurrency(u, k), at, at);
      }
    }
    for (let t = 0; t < TRANSFERS_PER_USER; t++) {
      const day = new Date(firstDay + rnd.int(0, SNAPSHOT_DAYS - 1) * DAY_MS);
      const type = rnd.chance(0.6) ? 'DEPOSIT' : 'WITHDRAWAL';
      const amount = rnd.between(20, 1000).toFixed(2);
      const iso = day.toISOString();
      await transfers.add(`bench_t${pad(u, 3)}_${pad(t, 4)}`, benchUserId(u), type, amount, siteCurrency(u, rnd.int(0, SITES_PER_USER - 1)), iso.slice(0, 10), iso, iso);
    }
    await addSessions(sessions, u, rnd, firstDay, (k) => holdingId(u, k), (k) => siteCurrency(u, k));
    if (u % 20 === 0) log(`  users: ${u}/${spec.users}`);
  }
  await snapshots.flush();
  await transfers.flush();
  await sessions.flush();
}

const CASH_STAKES = [
  ['0.25', '0.50'],
  ['0.50', '1.00'],
  ['1.00', '2.00'],
  ['2.00', '5.00'],
] as const;

/**
 * SESSIONS_PER_USER ended sessions spread over the year at the user's sites (online players
 * multi-table: about 14 a day): three in four cash games (100 big blinds in, a result that
 * varies around a small win rate, hands counted), the rest tournaments with a fee and, rarely,
 * a cash. Ids bench_p<user>_<n>; no tags (the bench measures the statistics, not the filter).
 */
async function addSessions(batch: ColumnBatch, u: number, rnd: ReturnType<typeof createRandom>, firstDay: number, siteId: (k: number) => string, currency: (k: number) => string): Promise<void> {
  for (let n = 0; n < SESSIONS_PER_USER; n++) {
    const k = rnd.int(0, SITES_PER_USER - 1);
    const start = firstDay + rnd.int(0, SNAPSHOT_DAYS - 1) * DAY_MS + rnd.int(8, 22) * 3_600_000 + rnd.int(0, 59) * 60_000;
    const minutes = rnd.int(20, 300);
    const end = start + minutes * 60_000;
    const id = `bench_p${pad(u, 3)}_${pad(n, 4)}`;
    const at = new Date(end).toISOString();
    if (rnd.chance(0.75)) {
      const [sb, bb] = CASH_STAKES[rnd.int(0, CASH_STAKES.length - 1)];
      const buyIn = Number(bb) * 100;
      const cashOut = Math.max(0, buyIn + (rnd.gaussian() * 40 + 2) * Number(bb));
      const game = rnd.chance(0.7) ? 'NLHE' : 'PLO';
      await batch.add(id, benchUserId(u), 'CASH', game, siteId(k), currency(k), sb, bb, buyIn.toFixed(2), '0', 0, '0', cashOut.toFixed(2), rnd.int(50, 600), new Date(start).toISOString(), at, at, at);
    } else {
      const buyIn = [5, 10, 22, 55][rnd.int(0, 3)];
      const fee = (buyIn * 0.1).toFixed(2);
      const cashOut = rnd.chance(0.15) ? buyIn * rnd.between(1.5, 20) : 0;
      await batch.add(id, benchUserId(u), 'TOURNAMENT', 'NLHE', siteId(k), currency(k), null, null, buyIn.toFixed(2), fee, rnd.int(0, 1), '0', cashOut.toFixed(2), null, new Date(start).toISOString(), at, at, at);
    }
  }
}

async function insertArticles(c: pg.Client, spec: DataSetSpec, now: Date): Promise<number> {
  const published = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM "Article" WHERE status = 'PUBLISHED'`)).rows[0].n);
  const extra = spec.articles - published;
  if (extra <= 0) return 0;
  const admin = await c.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'admin@stakeeasy.test'`);
  const authorId = admin.rows[0]?.id ?? null;
  const tagIds = new Map((await c.query<{ id: string; slug: string }>('SELECT id, slug FROM "Tag"')).rows.map((r) => [r.slug, r.id]));
  const bases = loadSeedArticles().map((a) => ({ ...a, html: renderMarkdown(a.markdown) }));
  const articles = new ColumnBatch(c, 'Article', [
    { name: 'id', type: 'text' },
    { name: 'slug', type: 'text' },
    { name: 'title', type: 'text' },
    { name: 'summary', type: 'text' },
    { name: 'markdown', type: 'text' },
    { name: 'html', type: 'text' },
    { name: 'status', type: 'text', cast: '"ArticleStatus"' },
    { name: 'publishedAt', type: 'timestamptz' },
    { name: 'createdAt', type: 'timestamptz' },
    { name: 'updatedAt', type: 'timestamptz' },
    { name: 'authorId', type: 'text' },
  ]);
  const links = new ColumnBatch(c, '_ArticleToTag', [
    { name: 'A', type: 'text' },
    { name: 'B', type: 'text' },
  ]);
  for (let j = 0; j < extra; j++) {
    const base = bases[j % bases.length];
    const round = Math.floor(j / bases.length) + 2;
    const id = `bench_a${pad(j, 4)}`;
    const at = new Date(now.getTime() - (j + 1) * 2 * DAY_MS).toISOString();
    await articles.add(
      id,
      `${base.slug}-part-${round}`.slice(0, 120),
      `${base.title} (part ${round})`.slice(0, 160),
      base.summary,
      base.markdown,
      base.html,
      'PUBLISHED',
      at,
      at,
      at,
      authorId,
    );
    for (const slug of base.tags) {
      const tagId = tagIds.get(slug);
      if (tagId) await links.add(id, tagId);
    }
  }
  await articles.flush();
  await links.flush();
  return extra;
}

export interface EnsureResult {
  generated: boolean;
  seconds: number;
  counts: DataSetCounts;
}

/** Creates (or confirms) the data set; returns the final counts. */
export async function ensureBenchData(opts: { url?: string; spec?: DataSetSpec; force?: boolean; log?: (s: string) => void } = {}): Promise<EnsureResult> {
  const url = opts.url ?? benchDatabaseUrl();
  const spec = opts.spec ?? FULL_DATA_SET;
  const log = opts.log ?? (() => {});
  const started = performance.now();
  await ensureDatabase(url, opts.force ?? false);
  const want = expectedCounts(spec);
  const before = await withClient(url, async (c) => {
    const hasTables = await c.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'BalanceSnapshot'`);
    return hasTables.rowCount ? countDataSet(c) : null;
  });
  if (before && complete(before, want)) {
    return { generated: false, seconds: (performance.now() - started) / 1000, counts: before };
  }
  log(`  generating the data set in ${databaseName(url)} (${spec.users} users, ${spec.articles} articles)...`);
  await applyMigrations(new PrismaPg({ connectionString: url }));
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  const now = new Date();
  try {
    await seed(prisma, { now });
  } finally {
    await prisma.$disconnect();
  }
  const counts = await withClient(url, async (c) => {
    // Start from a clean slate for the bench rows (cascades to holdings, snapshots, transfers, sessions).
    await c.query(`DELETE FROM "User" WHERE id LIKE 'bench\\_u%'`);
    await c.query(`DELETE FROM "Article" WHERE id LIKE 'bench\\_a%'`);
    await insertUsers(c, spec, now, log);
    const added = await insertArticles(c, spec, now);
    log(`  articles: ${added} added`);
    await c.query('ANALYZE');
    return countDataSet(c);
  });
  if (!complete(counts, want)) throw new Error(`data set incomplete after generation: ${JSON.stringify(counts)}`);
  return { generated: true, seconds: (performance.now() - started) / 1000, counts };
}

function isEntryPoint(): boolean {
  return Boolean(process.argv[1]) && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
}

if (isEntryPoint()) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const spec: DataSetSpec = {
    users: Number(arg('users') ?? FULL_DATA_SET.users),
    articles: Number(arg('articles') ?? FULL_DATA_SET.articles),
  };
  ensureBenchData({ spec, force: process.argv.includes('--force'), log: (s) => console.log(s) }).then(
    (r) => {
      console.log(`${r.generated ? 'Generated' : 'Already present'} in ${r.seconds.toFixed(1)} s: ${JSON.stringify(r.counts)}`);
      process.exit(0);
    },
    (err: unknown) => {
      console.error('Data generation failed:', err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
