// The user data version is maintained by the database itself (triggers from the
// user_data_version migration): every kind of change to a user's rows bumps it in the same
// transaction, once per statement, and only for the user whose data changed.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/database';
import { PrismaClient } from '@/lib/generated/prisma/client';

let database: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase('user_data_version');
  prisma = database.prisma;
  await prisma.currency.create({ data: { code: 'USD', name: 'US Dollar', symbol: '$' } });
});
afterAll(async () => database?.drop());

const newUser = async () => (await prisma.user.create({ data: { email: `v-${randomBytes(4).toString('hex')}@example.com`, passwordHash: 'x' } })).id;
const version = async (id: string) => (await prisma.user.findUniqueOrThrow({ where: { id }, select: { dataVersion: true } })).dataVersion;

/** Runs `change` and returns by how much the user's version (and a bystander's) moved. */
async function bumps(user: string, bystander: string, change: () => Promise<unknown>) {
  const [u0, b0] = [await version(user), await version(bystander)];
  await change();
  return { user: (await version(user)) - u0, bystander: (await version(bystander)) - b0 };
}

describe('user data version (database triggers)', () => {
  it('moves on insert, update and delete of every per-user table, for that user only', async () => {
    const [user, other] = [await newUser(), await newUser()];
    const holding = await prisma.holding.create({ data: { userId: user, kind: 'POKER_SITE', name: 'Stars', currency: 'USD' } });
    const article = await prisma.article.create({ data: { slug: `a-${randomBytes(3).toString('hex')}`, title: 'T', summary: 'S', markdown: 'M', html: '<p>M</p>' } });
    await prisma.achievement.upsert({ where: { code: 'test_achievement' }, update: {}, create: { code: 'test_achievement', name: 'N', description: 'D' } });
    const changes: [string, () => Promise<unknown>][] = [
      ['holding insert', () => prisma.holding.create({ data: { userId: user, kind: 'ASSET', name: 'Cash', assetType: 'Cash', currency: 'USD' } })],
      ['holding update', () => prisma.holding.update({ where: { id: holding.id }, data: { name: 'PokerStars' } })],
      ['snapshot insert', () => prisma.balanceSnapshot.create({ data: { holdingId: holding.id, amount: '10', currency: 'USD', recordedAt: new Date() } })],
      ['snapshot update', () => prisma.balanceSnapshot.updateMany({ where: { holdingId: holding.id }, data: { amount: '11' } })],
      ['snapshot delete', () => prisma.balanceSnapshot.deleteMany({ where: { holdingId: holding.id } })],
      ['transfer insert', () => prisma.transfer.create({ data: { userId: user, type: 'DEPOSIT', amount: '5', currency: 'USD', occurredOn: new Date('2026-01-02') } })],
      ['transfer delete', () => prisma.transfer.deleteMany({ where: { userId: user } })],
      ['goal insert', () => prisma.goal.create({ data: { userId: user, type: 'BANKROLL', targetAmount: '100', currency: 'USD' } })],
      ['goal update', () => prisma.goal.updateMany({ where: { userId: user }, data: { status: 'ARCHIVED' } })],
      ['achievement insert', () => prisma.userAchievement.create({ data: { userId: user, achievementCode: 'test_achievement' } })],
      ['article read insert', () => prisma.articleRead.create({ data: { userId: user, articleId: article.id } })],
      ['article read delete', () => prisma.articleRead.deleteMany({ where: { userId: user } })],
      ['live venue insert', () => prisma.liveVenue.create({ data: { userId: user, name: 'Aria' } })],
      ['play session insert', () => prisma.playSession.create({ data: { userId: user, kind: 'CASH', game: 'NLHE', siteId: holding.id, currency: 'USD', buyIn: '100', startedAt: new Date() } })],
      ['play session update', () => prisma.playSession.updateMany({ where: { userId: user }, data: { cashOut: '150', endedAt: new Date() } })],
      ['play session delete', () => prisma.playSession.deleteMany({ where: { userId: user } })],
      ['live venue delete', () => prisma.liveVenue.deleteMany({ where: { userId: user } })],
      ['own row update', () => prisma.user.update({ where: { id: user }, data: { displayName: 'Ann' } })],
      ['holding delete (cascades to snapshots)', () => prisma.holding.delete({ where: { id: holding.id } })],
    ];
    for (const [label, change] of changes) {
      const moved = await bumps(user, other, change);
      expect(moved.user, label).toBeGreaterThan(0);
      expect(moved.bystander, label).toBe(0);
    }
  });

  it('bumps once for a bulk statement, and rolls back with a failed transaction', async () => {
    const [user, other] = [await newUser(), await newUser()];
    const rows = Array.from({ length: 500 }, (_, i) => ({ userId: user, type: 'DEPOSIT' as const, amount: String(i + 1), currency: 'USD', occurredOn: new Date('2026-01-02') }));
    expect(await bumps(user, other, () => prisma.transfer.createMany({ data: rows }))).toEqual({ user: 1, bystander: 0 });
    const before = await version(user);
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.transfer.deleteMany({ where: { userId: user } });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await version(user)).toBe(before);
    expect(await prisma.transfer.count({ where: { userId: user } })).toBe(500);
  });

  it('leaves the version alone for what is not the user data (sessions)', async () => {
    const [user, other] = [await newUser(), await newUser()];
    const moved = await bumps(user, other, () => prisma.session.create({ data: { id: randomBytes(16).toString('hex'), userId: user, expiresAt: new Date(Date.now() + 60_000) } }));
    expect(moved).toEqual({ user: 0, bystander: 0 });
  });
});

describe('user data version on the embedded database (PGlite)', () => {
  it('is maintained by the same triggers', async () => {
    const { memoryAdapter } = await import('@/lib/db/adapter');
    const { applyMigrations } = await import('@/lib/db/schema-engine');
    const factory = await memoryAdapter();
    await applyMigrations(factory);
    const embedded = new PrismaClient({ adapter: factory });
    try {
      await embedded.currency.create({ data: { code: 'USD', name: 'US Dollar', symbol: '$' } });
      const { id } = await embedded.user.create({ data: { email: 'pglite@example.com', passwordHash: 'x' } });
      await embedded.transfer.createMany({ data: [1, 2, 3].map((n) => ({ userId: id, type: 'DEPOSIT' as const, amount: String(n), currency: 'USD', occurredOn: new Date('2026-01-02') })) });
      await embedded.user.update({ where: { id }, data: { displayName: 'Ann' } });
      expect((await embedded.user.findUniqueOrThrow({ where: { id } })).dataVersion).toBe(2);
    } finally {
      await embedded.$disconnect();
    }
  });
});
