/**
 * What a chaos run runs against, all on loopback and all owned by the run: two `next start`
 * instances (build folder .next-faults) on one fresh, migrated and seeded PostgreSQL database and
 * one redis-server of their own on a free port; users signed in through DB sessions, each with
 * unique data and a distinct article marked read.
 */
import { acquireAppTestLock, createAppDatabase, ensureAppBuild, startNextServer, createMarkedUser, type NextServer } from '@/tests/helpers/chaos-app';
import type { TestDatabase } from '@/tests/helpers/database';
import { startRedis, type RedisServer } from '@/tests/helpers/redis-server';
import type { Identity } from './leaks';

export interface ChaosUser extends Identity {
  userId: string;
  /** Slug of the one article this user has read. */
  readSlug: string;
}

export interface Cluster {
  a: NextServer;
  b: NextServer;
  redis: RedisServer;
  database: TestDatabase;
  users: ChaosUser[];
  slugs: string[];
  stop(): Promise<void>;
}

export async function startCluster(userCount: number, log: (line: string) => void): Promise<Cluster> {
  const release = await acquireAppTestLock();
  let database: TestDatabase | undefined;
  let redis: RedisServer | undefined;
  const servers: NextServer[] = [];
  const stop = async () => {
    try {
      await Promise.allSettled([...servers.map((s) => s.stop()), redis?.stop()]);
      await database?.drop().catch(() => {});
    } finally {
      release();
    }
  };
  try {
    log('build (skipped when current) ...');
    await ensureAppBuild();
    [database, redis] = await Promise.all([createAppDatabase('chaos'), startRedis()]);
    const articles = await database.prisma.article.findMany({ where: { publishedAt: { not: null } }, select: { id: true, slug: true }, orderBy: { slug: 'asc' }, take: Math.max(userCount, 4) });
    const users: ChaosUser[] = [];
    for (let i = 0; i < userCount; i++) {
      // Balances 5,000 apart: no user's totals can equal another's balance during the run.
      const marked = await createMarkedUser(database.prisma, `cu${i}x`, 1_000_000 + i * 500_000 + 37 + i);
      const article = articles[i % articles.length];
      await database.prisma.articleRead.create({ data: { userId: marked.userId, articleId: article.id } });
      users.push({ index: i, ...marked, readSlug: article.slug });
    }
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      CACHE_KEY_PREFIX: `chaos-${process.pid}-${Date.now()}:`,
      DATABASE_POOL_SIZE: '6',
    };
    log(`redis-server on ${redis.port}, database ${database.name}; starting two instances ...`);
    const outcomes = await Promise.allSettled([startNextServer({ env }), startNextServer({ env })]);
    for (const o of outcomes) if (o.status === 'fulfilled') servers.push(o.value);
    const failed = outcomes.find((o) => o.status === 'rejected');
    if (failed) throw failed.reason;
    return { a: servers[0], b: servers[1], redis, database, users, slugs: articles.map((a) => a.slug), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
