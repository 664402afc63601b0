/**
 * Seeds a database with reference data (currencies, rate history, achievements), the demo and
 * admin accounts, demo bankroll data and the strategy articles.
 *
 *   npm run db:seed            (= tsx prisma/seed/index.ts; DATABASE_URL or the embedded PGlite)
 *
 * Idempotent: every part upserts by a natural key (currency code, (currency, day), achievement
 * code, e-mail, tag slug, article slug), and the demo data is only generated for a demo user
 * without holdings, so running it again adds nothing twice.
 *
 * Tests call seed(prisma) with their own client; the CLI below only runs when this file is the
 * entry point.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { ACHIEVEMENTS, ACHIEVEMENT_CODES } from '@/lib/domain/achievements';
import { toDayKey } from '@/lib/domain/days';
import { hashPassword } from '@/lib/auth/password';
import { renderMarkdown } from '@/lib/articles/markdown';
import { loadSeedArticles, loadSeedTags } from './articles';
import { generateDemoData, writeDemoData } from './demo-data';
import { DRAFT_ARTICLE } from './draft-article';
import { seedCurrencies, seedExchangeRates } from './rates';

export const DEMO_USER = { email: 'demo@stakeeasy.test', password: 'DemoPoker!2024', displayName: 'Demo Player' } as const;
export const ADMIN_USER = { email: 'admin@stakeeasy.test', password: 'AdminPoker!2024', displayName: 'StakeEasy Admin' } as const;

const LONG_TRANSACTION = { maxWait: 30_000, timeout: 120_000 };

export interface SeedOptions {
  /** The "now" of the rate history and demo data (default: the current time). */
  now?: Date;
  /** Progress messages; silent by default. Never receives secrets such as DATABASE_URL. */
  log?: (message: string) => void;
}

export interface SeedResult {
  currencies: number;
  ratesInserted: number;
  achievements: number;
  /** Accounts created by this run, with their passwords (empty when they already existed). */
  createdUsers: Array<{ email: string; password: string; role: 'USER' | 'ADMIN' }>;
  demoDataCreated: boolean;
  tags: number;
  publishedArticles: number;
  draftArticles: number;
}

export async function seedAchievements(prisma: PrismaClient): Promise<number> {
  await prisma.$transaction(
    ACHIEVEMENT_CODES.map((code) => {
      const { name, description } = ACHIEVEMENTS[code];
      return prisma.achievement.upsert({ where: { code }, create: { code, name, description }, update: { name, description } });
    }),
  );
  return ACHIEVEMENT_CODES.length;
}

/**
 * Creates the account if the e-mail is not registered yet. An existing account is left as it
 * is (its password may have been changed on purpose), except that the admin keeps its role.
 */
async function ensureUser(
  prisma: PrismaClient,
  account: { email: string; password: string; displayName: string },
  role: 'USER' | 'ADMIN',
  displayCurrency: string,
): Promise<{ id: string; created: boolean }> {
  const existing = await prisma.user.findUnique({ where: { email: account.email }, select: { id: true, role: true } });
  if (existing) {
    if (role === 'ADMIN' && existing.role !== 'ADMIN') await prisma.user.update({ where: { id: existing.id }, data: { role } });
    return { id: existing.id, created: false };
  }
  const passwordHash = await hashPassword(account.password);
  // upsert, not create: a concurrent seed run that created it meanwhile is not an error.
  const user = await prisma.user.upsert({
    where: { email: account.email },
    create: { email: account.email, passwordHash, displayName: account.displayName, role, displayCurrency },
    update: {},
    select: { id: true },
  });
  return { id: user.id, created: true };
}

/** Tags and published articles from prisma/seed/articles, plus one draft. Upserts by slug. */
export async function seedArticles(prisma: PrismaClient, authorId: string): Promise<{ tags: number; published: number; drafts: number }> {
  const tags = loadSeedTags();
  const articles = loadSeedArticles();
  const tagSlugs = new Set(tags.map((t) => t.slug));
  for (const article of articles) {
    const unknown = article.tags.filter((slug) => !tagSlugs.has(slug));
    if (unknown.length > 0) throw new Error(`Article "${article.slug}" uses unknown tag(s): ${unknown.join(', ')}`);
  }
  // Rendering is pure and the slowest part: do it before opening the transaction.
  const rendered = articles.map((article) => ({ ...article, html: renderMarkdown(article.markdown) }));
  const draftHtml = renderMarkdown(DRAFT_ARTICLE.markdown);
  const includeDraft = !articles.some((a) => a.slug === DRAFT_ARTICLE.slug);

  await prisma.$transaction(async (tx) => {
    for (const tag of tags) {
      await tx.tag.upsert({
        where: { slug: tag.slug },
        create: { slug: tag.slug, name: tag.name, description: tag.description },
        update: { name: tag.name, description: tag.description },
      });
    }
    for (const article of rendered) {
      const tagRefs = article.tags.map((slug) => ({ slug }));
      const content = {
        title: article.title,
        summary: article.summary,
        markdown: article.markdown,
        html: article.html,
        status: 'PUBLISHED' as const,
        publishedAt: article.publishedAt,
        updatedAt: article.updatedAt,
      };
      await tx.article.upsert({
        where: { slug: article.slug },
        create: { slug: article.slug, ...content, createdAt: article.publishedAt, authorId, tags: { connect: tagRefs } },
        update: { ...content, tags: { set: tagRefs } },
      });
    }
    if (includeDraft) {
      // Created once; later runs leave it alone (an editor may have changed or published it).
      await tx.article.upsert({
        where: { slug: DRAFT_ARTICLE.slug },
        create: {
          slug: DRAFT_ARTICLE.slug,
          title: DRAFT_ARTICLE.title,
          summary: DRAFT_ARTICLE.summary,
          markdown: DRAFT_ARTICLE.markdown,
          html: draftHtml,
          status: 'DRAFT',
          publishedAt: null,
          authorId,
          tags: { connect: DRAFT_ARTICLE.tags.filter((slug) => tagSlugs.has(slug)).map((slug) => ({ slug })) },
        },
        update: {},
      });
    }
  }, LONG_TRANSACTION);

  return { tags: tags.length, published: rendered.length, drafts: includeDraft ? 1 : 0 };
}

export async function seed(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  const timed = async <T>(label: string, run: () => Promise<T>, describe: (value: T) => string): Promise<T> => {
    const started = performance.now();
    const value = await run();
    log(`  ${label}: ${describe(value)} (${Math.round(performance.now() - started)} ms)`);
    return value;
  };

  const currencies = await timed('currencies', () => seedCurrencies(prisma), (n) => `${n}`);
  const ratesInserted = await timed('exchange rates', () => seedExchangeRates(prisma, toDayKey(now)), (n) => `${n} new daily rates`);
  const achievements = await timed('achievements', () => seedAchievements(prisma), (n) => `${n}`);

  const createdUsers: SeedResult['createdUsers'] = [];
  const { demo, admin } = await timed(
    'users',
    async () => {
      const demoUser = await ensureUser(prisma, DEMO_USER, 'USER', 'EUR');
      const adminUser = await ensureUser(prisma, ADMIN_USER, 'ADMIN', 'USD');
      if (demoUser.created) createdUsers.push({ email: DEMO_USER.email, password: DEMO_USER.password, role: 'USER' });
      if (adminUser.created) createdUsers.push({ email: ADMIN_USER.email, password: ADMIN_USER.password, role: 'ADMIN' });
      return { demo: demoUser, admin: adminUser };
    },
    () => (createdUsers.length ? `${createdUsers.length} created` : 'already present'),
  );

  const demoDataCreated = await timed(
    'demo data',
    async () => {
      if ((await prisma.holding.count({ where: { userId: demo.id } })) > 0) return false;
      return writeDemoData(prisma, demo.id, generateDemoData({ now }));
    },
    (created) => (created ? 'created' : 'demo user already has holdings, skipped'),
  );

  const articles = await timed('articles', () => seedArticles(prisma, admin.id), (r) => `${r.tags} tags, ${r.published} published, ${r.drafts} draft`);

  return {
    currencies,
    ratesInserted,
    achievements,
    createdUsers,
    demoDataCreated,
    tags: articles.tags,
    publishedArticles: articles.published,
    draftArticles: articles.drafts,
  };
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return path.resolve(entry) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const { db, disconnectDb } = await import('@/lib/db/client');
  const { databaseKind } = await import('@/lib/db/adapter');
  const started = performance.now();
  console.log(`Seeding the ${databaseKind()} database...`);
  try {
    const result = await seed(await db(), { log: (message) => console.log(message) });
    console.log(`Seed complete in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    for (const user of result.createdUsers) {
      console.log(`${user.role === 'ADMIN' ? 'Admin user' : 'Demo user'}: ${user.email} / ${user.password}`);
    }
  } finally {
    await disconnectDb();
  }
}

if (isEntryPoint()) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      const code = (err as { code?: string } | null)?.code;
      if (code === 'P2021') {
        console.error('The database has no tables yet: run `npm run db:migrate` first.');
      } else {
        console.error('Seed failed:', err instanceof Error ? err.message : err);
      }
      process.exit(1);
    },
  );
}
