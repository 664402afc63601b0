import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { ACHIEVEMENT_CODES } from '@/lib/domain/achievements';
import { FALLBACK_RATES, SUPPORTED_CURRENCIES } from '@/lib/domain/currency';
import { addDays, dayKeyToDate, toDayKey } from '@/lib/domain/days';
import { bankroll } from '@/lib/domain/totals';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { ADMIN_USER, DEMO_USER, seed, type SeedResult } from '@/prisma/seed/index';
import { generateDemoData } from '@/prisma/seed/demo-data';
import { generateRateHistory, monthsBefore } from '@/prisma/seed/rates';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

const NOW = new Date();
const TODAY = toDayKey(NOW);
const EIGHTEEN_MONTHS_AGO = dayKeyToDate(monthsBefore(TODAY, 18));

let database: TestDatabase | undefined;
let prisma: PrismaClient;
let first: SeedResult;

async function tableCounts(client: PrismaClient): Promise<Record<string, number>> {
  const tables = ['Currency', 'ExchangeRate', 'Achievement', 'User', 'Holding', 'BalanceSnapshot', 'Transfer', 'Goal', 'UserAchievement', 'Tag', 'Article', '_ArticleToTag'];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await client.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`);
    counts[table] = row.n;
  }
  return counts;
}

beforeAll(async () => {
  database = await createTestDatabase('seed');
  prisma = database.prisma;
  first = await seed(prisma, { now: NOW });
}, 180_000);

afterAll(async () => {
  // Runs after failures too; the helper drops the database WITH (FORCE).
  await database?.drop();
});

describe('seed (PostgreSQL)', () => {
  it('reports what it created on an empty database', () => {
    expect(first.createdUsers.map((u) => u.email).sort()).toEqual([ADMIN_USER.email, DEMO_USER.email].sort());
    expect(first.demoDataCreated).toBe(true);
    expect(first.currencies).toBe(12);
    expect(first.ratesInserted).toBeGreaterThan(12 * 540);
    expect(first.draftArticles).toBe(1);
  });

  it('creates the 12 currencies with their minor digits', async () => {
    const currencies = await prisma.currency.findMany({ orderBy: { code: 'asc' } });
    expect(currencies).toHaveLength(12);
    expect(currencies.map((c) => c.code).sort()).toEqual(SUPPORTED_CURRENCIES.map((c) => c.code).sort());
    for (const currency of currencies) expect(currency.minorDigits).toBe(currency.code === 'JPY' ? 0 : 2);
  });

  it('creates an 18-month daily rate history ending on the fallback table', async () => {
    for (const { code } of SUPPORTED_CURRENCIES) {
      const rates = await prisma.exchangeRate.findMany({ where: { currencyCode: code }, orderBy: { effectiveOn: 'asc' } });
      expect(rates.length).toBeGreaterThanOrEqual(548);
      expect(rates[0].effectiveOn.getTime()).toBeLessThanOrEqual(EIGHTEEN_MONTHS_AGO.getTime());
      const latest = rates[rates.length - 1];
      expect(toDayKey(latest.effectiveOn)).toBe(TODAY);
      expect(new Decimal(latest.rate.toString()).equals(FALLBACK_RATES[code])).toBe(true);
      for (const rate of rates) {
        const drift = new Decimal(rate.rate.toString()).div(FALLBACK_RATES[code]).minus(1).abs();
        expect(drift.lessThanOrEqualTo('0.0301')).toBe(true);
        expect(rate.source).toBe('seed');
      }
      // One row per day, no gaps.
      expect(toDayKey(rates[1].effectiveOn)).toBe(addDays(toDayKey(rates[0].effectiveOn), 1));
    }
  });

  it('creates the achievement catalogue', async () => {
    const codes = (await prisma.achievement.findMany()).map((a) => a.code).sort();
    expect(codes).toEqual([...ACHIEVEMENT_CODES].sort());
  });

  it('creates the demo and admin accounts with hashed passwords', async () => {
    const demo = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_USER.email } });
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: ADMIN_USER.email } });
    expect(demo.role).toBe('USER');
    expect(demo.displayCurrency).toBe('EUR');
    expect(admin.role).toBe('ADMIN');
    expect(demo.passwordHash).not.toContain(DEMO_USER.password);
    expect(await verifyPassword(demo.passwordHash, DEMO_USER.password)).toBe(true);
    expect(await verifyPassword(admin.passwordHash, ADMIN_USER.password)).toBe(true);
    expect(demo.streakCurrent).toBeGreaterThan(0);
    expect(demo.streakLongest).toBeGreaterThanOrEqual(demo.streakCurrent);
    expect(demo.lastActionOn && toDayKey(demo.lastActionOn)).toBe(TODAY);
  });

  it('gives the demo user sites and assets in several currencies with 18 months of snapshots', async () => {
    const demo = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_USER.email } });
    const holdings = await prisma.holding.findMany({
      where: { userId: demo.id },
      include: { snapshots: { orderBy: { recordedAt: 'asc' } } },
      orderBy: [{ kind: 'asc' }, { position: 'asc' }],
    });
    const sites = holdings.filter((h) => h.kind === 'POKER_SITE');
    const assets = holdings.filter((h) => h.kind === 'ASSET');
    expect(sites.length).toBeGreaterThanOrEqual(6);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    expect(new Set(holdings.map((h) => h.currency)).size).toBeGreaterThanOrEqual(3);
    expect(sites.map((s) => s.position)).toEqual(sites.map((_, i) => i));
    expect(assets.map((a) => a.position)).toEqual(assets.map((_, i) => i));

    const all = holdings.flatMap((h) => h.snapshots);
    const oldest = Math.min(...all.map((s) => s.recordedAt.getTime()));
    const newest = Math.max(...all.map((s) => s.recordedAt.getTime()));
    expect(oldest).toBeLessThanOrEqual(EIGHTEEN_MONTHS_AGO.getTime());
    expect(newest).toBeLessThanOrEqual(NOW.getTime());
    expect(toDayKey(new Date(newest))).toBe(TODAY);
    for (const holding of holdings) {
      expect(holding.snapshots.length).toBeGreaterThanOrEqual(60); // ~1-3 a week for 18 months
      for (const snapshot of holding.snapshots) {
        expect(snapshot.currency).toBe(holding.currency);
        expect(new Decimal(snapshot.amount.toString()).isNegative()).toBe(false);
        expect(new Decimal(snapshot.amount.toString()).decimalPlaces()).toBeLessThanOrEqual(2);
      }
    }
  });

  it('gives the demo user deposits and withdrawals spread over the period in several currencies', async () => {
    const demo = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_USER.email } });
    const transfers = await prisma.transfer.findMany({ where: { userId: demo.id }, orderBy: { occurredOn: 'asc' } });
    const deposits = transfers.filter((t) => t.type === 'DEPOSIT');
    const withdrawals = transfers.filter((t) => t.type === 'WITHDRAWAL');
    expect(deposits.length).toBeGreaterThanOrEqual(5);
    expect(withdrawals.length).toBeGreaterThanOrEqual(3);
    expect(new Set(transfers.map((t) => t.currency)).size).toBeGreaterThanOrEqual(3);
    expect(transfers[0].occurredOn.getTime()).toBeLessThanOrEqual(EIGHTEEN_MONTHS_AGO.getTime());
    expect(new Set(transfers.map((t) => toDayKey(t.occurredOn).slice(0, 7))).size).toBeGreaterThanOrEqual(9);
    for (const transfer of transfers) expect(new Decimal(transfer.amount.toString()).greaterThan(0)).toBe(true);
  });

  it('gives the demo user a year of realistic ended sessions: cash and tournaments, online and live, a small edge', async () => {
    const demo = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_USER.email } });
    const sessions = await prisma.playSession.findMany({ where: { userId: demo.id }, orderBy: { startedAt: 'asc' } });
    // About 4 session days a week over 12 months.
    expect(sessions.length).toBeGreaterThan(120);
    expect(sessions.every((x) => x.endedAt !== null && x.cashOut !== null && x.runningFor === null && x.endedAt <= NOW)).toBe(true);
    expect(new Set(sessions.map((x) => toDayKey(x.startedAt).slice(0, 7))).size).toBeGreaterThanOrEqual(12);
    expect(sessions[0].startedAt.getTime()).toBeLessThanOrEqual(dayKeyToDate(monthsBefore(TODAY, 11)).getTime());
    expect(new Set(sessions.map((x) => x.kind))).toEqual(new Set(['CASH', 'TOURNAMENT']));
    expect(sessions.some((x) => x.siteId !== null) && sessions.some((x) => x.venueId !== null)).toBe(true);
    const result = (x: (typeof sessions)[number]) => new Decimal(x.cashOut!.toString()).minus(new Decimal(x.buyIn.toString()).plus(x.fee.toString()).times(1 + x.reEntries)).minus(x.rebuys.toString()).minus(x.expenses.toString());
    const wins = sessions.filter((x) => result(x).greaterThan(0)).length;
    // Winning and losing sessions both (variance), and the session achievements the app would have unlocked.
    expect(wins).toBeGreaterThan(sessions.length * 0.2);
    expect(wins).toBeLessThan(sessions.length * 0.8);
    const unlocked = (await prisma.userAchievement.findMany({ where: { userId: demo.id }, select: { achievementCode: true } })).map((a) => a.achievementCode);
    expect(unlocked).toEqual(expect.arrayContaining(['SESSION_1', 'HOURS_100', 'WINS_10']));
  });

  it('gives the demo user one active bankroll goal above the current bankroll, and achievements', async () => {
    const demo = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_USER.email } });
    const active = await prisma.goal.findMany({ where: { userId: demo.id, status: 'ACTIVE' } });
    expect(active).toHaveLength(1);
    expect(active[0].type).toBe('BANKROLL');

    const holdings = await prisma.holding.findMany({
      where: { userId: demo.id },
      include: { snapshots: { orderBy: { recordedAt: 'desc' }, take: 1 } },
    });
    const current = bankroll(
      holdings.map((h) => ({ currentAmount: new Decimal(h.snapshots[0].amount.toString()), currency: h.snapshots[0].currency })),
      active[0].currency,
      { ...FALLBACK_RATES },
    );
    expect(new Decimal(active[0].targetAmount.toString()).greaterThan(current)).toBe(true);
    expect(active[0].endDate!.getTime()).toBeGreaterThan(NOW.getTime());

    const unlocked = await prisma.userAchievement.findMany({ where: { userId: demo.id } });
    expect(unlocked.length).toBeGreaterThanOrEqual(2);
    for (const achievement of unlocked) expect(achievement.unlockedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
  });

  it('publishes the seed articles with tags, sanitized HTML and the admin as author, plus one draft', async () => {
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: ADMIN_USER.email } });
    const published = await prisma.article.findMany({ where: { status: 'PUBLISHED' }, include: { tags: true } });
    expect(published.length).toBeGreaterThanOrEqual(25);
    expect(await prisma.tag.count()).toBeGreaterThanOrEqual(8);
    for (const article of published) {
      expect(article.authorId).toBe(admin.id);
      expect(article.publishedAt).not.toBeNull();
      expect(article.updatedAt.getTime()).toBeGreaterThanOrEqual(article.publishedAt!.getTime());
      expect(article.tags.length).toBeGreaterThan(0);
      expect(article.html.length).toBeGreaterThan(200);
      expect(article.html).toMatch(/<h2 id="[a-z0-9-]+">/);
      expect(article.html).not.toMatch(/<script|javascript:|\son\w+=/i);
    }
    const drafts = await prisma.article.findMany({ where: { status: 'DRAFT' } });
    expect(drafts).toHaveLength(1);
    expect(drafts[0].publishedAt).toBeNull();
  });

  it('adds nothing when run a second time', async () => {
    const before = await tableCounts(prisma);
    const articlesBefore = await prisma.article.findMany({ select: { slug: true, updatedAt: true, html: true }, orderBy: { slug: 'asc' } });
    const second = await seed(prisma, { now: NOW });
    expect(second.createdUsers).toEqual([]);
    expect(second.demoDataCreated).toBe(false);
    expect(second.ratesInserted).toBe(0);
    expect(await tableCounts(prisma)).toEqual(before);
    const articlesAfter = await prisma.article.findMany({ select: { slug: true, updatedAt: true, html: true }, orderBy: { slug: 'asc' } });
    expect(articlesAfter).toEqual(articlesBefore);
  }, 120_000);
});

describe('seed generators (pure)', () => {
  it('generate the same demo data for the same "now"', () => {
    const now = new Date('2026-03-15T10:30:00Z');
    expect(generateDemoData({ now })).toEqual(generateDemoData({ now }));
  });

  it('never date demo data after "now", even just after midnight', () => {
    const now = new Date('2026-03-15T00:00:30Z');
    const data = generateDemoData({ now });
    for (const holding of data.holdings) {
      for (const snapshot of holding.snapshots) expect(snapshot.recordedAt.getTime()).toBeLessThanOrEqual(now.getTime());
    }
    for (const transfer of data.transfers) expect(transfer.occurredOn.getTime()).toBeLessThanOrEqual(now.getTime());
  });

  it('keep the rate history within 3% of the fallback table', () => {
    const rows = generateRateHistory('2026-03-15');
    expect(rows.filter((r) => r.currencyCode === 'USD').every((r) => r.rate === '1')).toBe(true);
    const eur = rows.filter((r) => r.currencyCode === 'EUR');
    expect(eur[eur.length - 1].rate).toBe('0.8545');
    expect(new Set(eur.map((r) => r.rate)).size).toBeGreaterThan(50);
  });
});
