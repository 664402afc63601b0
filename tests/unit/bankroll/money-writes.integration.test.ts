// Transfer and goal writes against a real PostgreSQL (a throw-away database):
// ownership (another user's id writes nothing), one active goal (also under
// concurrency), goal auto-completion inside the money writes, and the tags
// each write reports.
import { randomBytes } from 'node:crypto';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/database';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { tags } from '@/lib/data-cache/tags';
import { createTransfer, deleteTransfer, updateTransfer } from '@/lib/transfers/writes';
import { archiveGoal, completeGoalIfReached, createGoal } from '@/lib/goals/writes';
import type { TransferInput } from '@/lib/transfers/schemas';
import type { GoalInput } from '@/lib/goals/schemas';

let database: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase('money_writes');
  prisma = database.prisma;
  await prisma.currency.createMany({
    data: [
      { code: 'USD', name: 'US Dollar', symbol: '$' },
      { code: 'EUR', name: 'Euro', symbol: '€' },
    ],
  });
});

afterAll(async () => {
  await database?.drop();
});

let alice: string;
let bob: string;
const now = new Date('2026-03-15T12:00:00.000Z');

const transfer = (type: 'DEPOSIT' | 'WITHDRAWAL', amount: string, over: Partial<TransferInput> = {}): TransferInput => ({
  type,
  amount: new Decimal(amount),
  currency: 'USD',
  date: '2026-03-10',
  note: null,
  ...over,
});
const goal = (type: 'BANKROLL' | 'PROFIT', target: string, currency = 'USD'): GoalInput => ({ type, targetAmount: new Decimal(target), currency, endDate: null });

async function setBalance(userId: string, amount: string, at = now) {
  const holding =
    (await prisma.holding.findFirst({ where: { userId }, select: { id: true } })) ??
    (await prisma.holding.create({ data: { userId, kind: 'POKER_SITE', name: 'Site', currency: 'USD' }, select: { id: true } }));
  await prisma.balanceSnapshot.create({ data: { holdingId: holding.id, amount, currency: 'USD', recordedAt: at } });
}

const goalsOf = (userId: string) => prisma.goal.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });

beforeEach(async () => {
  const make = (who: string) =>
    prisma.user.create({ data: { email: `${who}-${randomBytes(4).toString('hex')}@example.com`, passwordHash: 'x' }, select: { id: true } });
  alice = (await make('alice')).id;
  bob = (await make('bob')).id;
});

describe('transfers', () => {
  it('creates a transfer as a money action (streak) and reports the profile tag once a day', async () => {
    const first = await createTransfer(prisma, alice, transfer('DEPOSIT', '1000.00', { note: 'first' }), now);
    expect(first.invalidation.expire).toEqual([tags.profile(alice), tags.transfers(alice)]);
    const row = await prisma.transfer.findUniqueOrThrow({ where: { id: first.transferId } });
    expect(row).toMatchObject({ userId: alice, type: 'DEPOSIT', currency: 'USD', note: 'first' });
    expect(row.amount.toString()).toBe('1000');
    expect(row.occurredOn.toISOString()).toBe('2026-03-10T00:00:00.000Z');
    const user = await prisma.user.findUniqueOrThrow({ where: { id: alice } });
    expect(user.streakCurrent).toBe(1);
    // A second action the same day changes no streak: only the transfers.
    expect((await createTransfer(prisma, alice, transfer('WITHDRAWAL', '500.00'), now)).invalidation.expire).toEqual([tags.transfers(alice)]);
  });

  it('three days in a row unlock the 3-day streak achievement', async () => {
    for (const day of ['2026-03-13', '2026-03-14']) await createTransfer(prisma, alice, transfer('DEPOSIT', '1'), new Date(`${day}T10:00:00Z`));
    const third = await createTransfer(prisma, alice, transfer('DEPOSIT', '1'), now);
    expect(third.invalidation.expire).toEqual([tags.profile(alice), tags.achievements(alice), tags.transfers(alice)]);
    expect(await prisma.userAchievement.count({ where: { userId: alice, achievementCode: 'STREAK_3' } })).toBe(1);
  });

  it('edits and deletes only the owner\u2019s transfer; another user\u2019s id is not-found and writes nothing', async () => {
    const { transferId } = await createTransfer(prisma, alice, transfer('DEPOSIT', '1000.00'), now);
    expect(await updateTransfer(prisma, bob, transferId, transfer('WITHDRAWAL', '1.00'), now)).toEqual({ status: 'not-found' });
    expect(await deleteTransfer(prisma, bob, transferId, now)).toEqual({ status: 'not-found' });
    expect((await prisma.transfer.findUniqueOrThrow({ where: { id: transferId } })).amount.toString()).toBe('1000');

    expect(await updateTransfer(prisma, alice, transferId, transfer('DEPOSIT', '1200.50', { currency: 'EUR' }), now)).toMatchObject({ status: 'ok' });
    const row = await prisma.transfer.findUniqueOrThrow({ where: { id: transferId } });
    expect([row.amount.toString(), row.currency]).toEqual(['1200.5', 'EUR']);
    expect(await deleteTransfer(prisma, alice, transferId, now)).toMatchObject({ status: 'ok' });
    expect(await prisma.transfer.count({ where: { id: transferId } })).toBe(0);
    expect(await deleteTransfer(prisma, alice, transferId, now)).toEqual({ status: 'not-found' });
  });
});

describe('goals', () => {
  it('allows one active goal at a time', async () => {
    expect((await createGoal(prisma, alice, goal('BANKROLL', '5000'), now)).status).toBe('ok');
    expect(await createGoal(prisma, alice, goal('PROFIT', '100'), now)).toEqual({ status: 'active-exists' });
    // Bob's goals are his own business.
    expect((await createGoal(prisma, bob, goal('PROFIT', '100'), now)).status).toBe('ok');
  });

  it('keeps one active goal under concurrent submits', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => createGoal(prisma, alice, goal('BANKROLL', '5000'), now)));
    expect(results.filter((r) => r.status === 'ok')).toHaveLength(1);
    expect(await prisma.goal.count({ where: { userId: alice, status: 'ACTIVE' } })).toBe(1);
  });

  it('archives only the owner\u2019s goal, then allows a new one', async () => {
    const created = await createGoal(prisma, alice, goal('BANKROLL', '5000'), now);
    if (created.status !== 'ok') throw new Error('expected a goal');
    expect(await archiveGoal(prisma, bob, created.goalId, now)).toEqual({ status: 'not-found' });
    expect((await goalsOf(alice))[0].status).toBe('ACTIVE');
    expect(await archiveGoal(prisma, alice, created.goalId, now)).toMatchObject({ status: 'ok' });
    expect(await archiveGoal(prisma, alice, created.goalId, now)).toMatchObject({ status: 'unchanged' });
    const [archived] = await goalsOf(alice);
    expect(archived.status).toBe('ARCHIVED');
    expect(archived.archivedAt?.toISOString()).toBe(now.toISOString());
    expect((await createGoal(prisma, alice, goal('PROFIT', '10'), now)).status).toBe('ok');
  });

  it('completes a bankroll goal when a write inside the transaction reaches the target', async () => {
    await setBalance(alice, '800.00');
    await createGoal(prisma, alice, goal('BANKROLL', '1000'), now);
    expect((await prisma.$transaction((tx) => completeGoalIfReached(tx, alice, now))).expire).toEqual([]);
    await setBalance(alice, '1000.00', new Date(now.getTime() + 1000));
    const changed = await prisma.$transaction((tx) => completeGoalIfReached(tx, alice, now));
    expect(changed.expire).toEqual([tags.goals(alice), tags.achievements(alice)]);
    const [done] = await goalsOf(alice);
    expect(done.status).toBe('COMPLETED');
    expect(done.completedAt?.toISOString()).toBe(now.toISOString());
    expect(await prisma.userAchievement.count({ where: { userId: alice, achievementCode: 'GOAL_COMPLETED' } })).toBe(1);
    // Nothing active any more: a second call is a no-op.
    expect((await prisma.$transaction((tx) => completeGoalIfReached(tx, alice, now))).expire).toEqual([]);
  });

  it('completes a profit goal from a withdrawal (profit = bankroll - deposits + withdrawals)', async () => {
    await setBalance(alice, '800.00');
    await createTransfer(prisma, alice, transfer('DEPOSIT', '1000.00'), now);
    await createTransfer(prisma, alice, transfer('WITHDRAWAL', '500.00'), now);
    // Profit is 300.00: a 400 target is at 75%.
    await createGoal(prisma, alice, goal('PROFIT', '400'), now);
    const withdrawal = await createTransfer(prisma, alice, transfer('WITHDRAWAL', '99.99'), now);
    expect(withdrawal.invalidation.expire).not.toContain(tags.goals(alice));
    const last = await createTransfer(prisma, alice, transfer('WITHDRAWAL', '0.01'), now);
    expect(last.invalidation.expire).toContain(tags.goals(alice));
    expect((await goalsOf(alice))[0].status).toBe('COMPLETED');
  });

  it('completes after editing or deleting a transfer too', async () => {
    await setBalance(alice, '800.00');
    const { transferId } = await createTransfer(prisma, alice, transfer('DEPOSIT', '1000.00'), now);
    await createGoal(prisma, alice, goal('PROFIT', '100'), now); // profit -200
    expect((await updateTransfer(prisma, alice, transferId, transfer('DEPOSIT', '750.00'), now)).status).toBe('ok'); // profit 50
    expect((await goalsOf(alice))[0].status).toBe('ACTIVE');
    const deleted = await deleteTransfer(prisma, alice, transferId, now); // profit 800
    expect(deleted).toMatchObject({ status: 'ok', invalidation: { expire: expect.arrayContaining([tags.goals(alice), tags.achievements(alice)]) } });
    expect((await goalsOf(alice))[0].status).toBe('COMPLETED');
  });

  it('compares in the display currency: a USD target for a EUR user', async () => {
    await prisma.user.update({ where: { id: alice }, data: { displayCurrency: 'EUR' } });
    const holding = await prisma.holding.create({ data: { userId: alice, kind: 'ASSET', name: 'Cash', currency: 'EUR' }, select: { id: true } });
    // 1000 USD = 854.50 EUR at the fallback rate (no rates stored).
    await prisma.balanceSnapshot.create({ data: { holdingId: holding.id, amount: '854.49', currency: 'EUR', recordedAt: now } });
    await createGoal(prisma, alice, goal('BANKROLL', '1000', 'USD'), now);
    expect((await goalsOf(alice))[0].status).toBe('ACTIVE');
    await prisma.balanceSnapshot.create({ data: { holdingId: holding.id, amount: '854.50', currency: 'EUR', recordedAt: new Date(now.getTime() + 1) } });
    expect((await prisma.$transaction((tx) => completeGoalIfReached(tx, alice, now))).expire).toContain(tags.goals(alice));
  });

  it('completes at once a goal that is already reached when it is set', async () => {
    await setBalance(alice, '800.00');
    const created = await createGoal(prisma, alice, goal('BANKROLL', '800'), now);
    expect(created).toMatchObject({ status: 'ok', completed: true, invalidation: { expire: expect.arrayContaining([tags.goals(alice), tags.achievements(alice)]) } });
    expect((await goalsOf(alice))[0].status).toBe('COMPLETED');
    // ...which leaves room for the next goal.
    expect((await createGoal(prisma, alice, goal('BANKROLL', '2000'), now)).status).toBe('ok');
  });
});
