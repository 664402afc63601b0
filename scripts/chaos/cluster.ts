/**
 * What a chaos run runs against, all on loopback and all owned by the run: the two-instance
 * fixture of the fault tests (two `next start` instances of the .next-faults build, one fresh
 * seeded PostgreSQL database, one redis-server of their own on a free port), plus users signed
 * in through DB sessions, each with unique data and a distinct article marked read.
 */
import { createMarkedUser, startTwoInstances, type NextServer } from '@/tests/helpers/chaos-app';
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
  log('build (skipped when current), database, redis-server and two instances ...');
  const app = await startTwoInstances({ label: 'chaos', redis: () => startRedis(), env: { DATABASE_POOL_SIZE: '6' } });
  try {
    const { prisma } = app.database;
    const articles = await prisma.article.findMany({ where: { publishedAt: { not: null } }, select: { id: true, slug: true }, orderBy: { slug: 'asc' }, take: Math.max(userCount, 4) });
    const users: ChaosUser[] = [];
    for (let i = 0; i < userCount; i++) {
      // Balances 5,000 apart: no user's totals can equal another's balance during the run.
      const marked = await createMarkedUser(prisma, `cu${i}x`, 1_000_000 + i * 500_000 + 37 + i);
      const article = articles[i % articles.length];
      await prisma.articleRead.create({ data: { userId: marked.userId, articleId: article.id } });
      users.push({ index: i, ...marked, readSlug: article.slug });
    }
    log(`redis-server on ${app.redis.port}, database ${app.database.name}; instances on ${app.a.port} and ${app.b.port}`);
    return { a: app.a, b: app.b, redis: app.redis, database: app.database, users, slugs: articles.map((a) => a.slug), stop: app.stop };
  } catch (err) {
    await app.stop().catch(() => {});
    throw err;
  }
}
