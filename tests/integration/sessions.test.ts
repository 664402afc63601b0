// The session writes' own rules on PostgreSQL: one running session per user, places owned by
// the user, and an all-or-nothing end when the site balance cannot be updated.
import { randomBytes } from 'node:crypto';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/database';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { createHolding } from '@/lib/holdings/writes';
import { addRebuy, endSession, startSession } from '@/lib/sessions/writes';

let database: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase('play_sessions');
  prisma = database.prisma;
  await prisma.currency.createMany({ data: [{ code: 'USD', name: 'US Dollar', symbol: '$' }, { code: 'EUR', name: 'Euro', symbol: '€' }] });
});
afterAll(async () => database?.drop());

const d = (v: string) => new Decimal(v);
const newUser = async () => (await prisma.user.create({ data: { email: `s-${randomBytes(4).toString('hex')}@example.com`, passwordHash: 'x' } })).id;
const site = async (userId: string, currency = 'USD', amount = '100') => {
  const r = await createHolding(prisma, userId, { kind: 'POKER_SITE', name: `Site ${randomBytes(2).toString('hex')}`, assetType: null, currency, amount: d(amount) });
  if (r.status !== 'ok') throw new Error(r.status);
  return r.holdingId;
};
const start = (venue: { siteId: string } | { newVenue: string }) => ({ kind: 'CASH' as const, game: 'NLHE' as const, venue, currency: 'USD', smallBlind: d('1'), bigBlind: d('2'), buyIn: d('200'), fee: d('0') });
const end = (cashOut: string, updateBalance = false, balanceAssetId: string | null = null) => ({
  cashOut: d(cashOut),
  expenses: d('0'),
  hands: null,
  place: null,
  fieldSize: null,
  breakMinutes: 0,
  notes: null,
  tags: [],
  updateBalance,
  balanceAssetId,
});
const asset = async (userId: string, { currency = 'USD', amount = '300', assetType = 'Cash' }: { currency?: string; amount?: string; assetType?: string | null } = {}) => {
  const r = await createHolding(prisma, userId, { kind: 'ASSET', name: `Asset ${randomBytes(2).toString('hex')}`, assetType, currency, amount: d(amount) });
  if (r.status !== 'ok') throw new Error(r.status);
  return r.holdingId;
};

describe('live timer', () => {
  it('one running session per user: a second start asks, replace discards the first; concurrent starts leave one', async () => {
    const user = await newUser();
    expect((await startSession(prisma, user, start({ newVenue: 'Aria' }))).status).toBe('ok');
    expect((await startSession(prisma, user, start({ newVenue: 'Aria' }))).status).toBe('already-running');
    expect((await startSession(prisma, user, start({ newVenue: 'aria' }), { replace: true })).status).toBe('ok');
    expect(await prisma.playSession.count({ where: { userId: user } })).toBe(1);
    // The venue is remembered once, whatever its case.
    expect(await prisma.liveVenue.count({ where: { userId: user } })).toBe(1);

    const other = await newUser();
    const results = await Promise.all(Array.from({ length: 5 }, () => startSession(prisma, other, start({ newVenue: 'Home' }))));
    expect(results.filter((r) => r.status === 'ok')).toHaveLength(1);
    expect(await prisma.playSession.count({ where: { userId: other, runningFor: other } })).toBe(1);
  });

  it("another user's site is not-found and writes nothing", async () => {
    const [a, b] = [await newUser(), await newUser()];
    const aSite = await site(a);
    expect((await startSession(prisma, b, start({ siteId: aSite }))).status).toBe('not-found');
    expect(await prisma.playSession.count({ where: { userId: b } })).toBe(0);
  });

  it('rebuys add up; the end writes the cash-out and, opted in, the site balance (previous + result)', async () => {
    const user = await newUser();
    const s = await site(user, 'USD', '1000');
    await startSession(prisma, user, start({ siteId: s }));
    await addRebuy(prisma, user, d('100'));
    await addRebuy(prisma, user, d('50.25'));
    const r = await endSession(prisma, user, end('500', true));
    expect(r.status).toBe('ok');
    const row = await prisma.playSession.findFirstOrThrow({ where: { userId: user } });
    expect([row.rebuys.toString(), row.cashOut?.toString(), row.runningFor]).toEqual(['150.25', '500', null]);
    const newest = await prisma.balanceSnapshot.findFirstOrThrow({ where: { holdingId: s }, orderBy: { recordedAt: 'desc' } });
    expect(newest.amount.toString()).toBe('1149.75');
    expect(row.snapshotId).toBe(newest.id);
    expect((await addRebuy(prisma, user, d('1'))).status).toBe('not-running');
  });

  it('a balance update that cannot be made (other currency) writes nothing at all', async () => {
    const user = await newUser();
    const s = await site(user, 'EUR');
    await startSession(prisma, user, start({ siteId: s }));
    const r = await endSession(prisma, user, end('10', true));
    expect(r).toMatchObject({ status: 'balance-unavailable' });
    const row = await prisma.playSession.findFirstOrThrow({ where: { userId: user } });
    expect([row.runningFor, row.cashOut]).toEqual([user, null]);
    expect(await prisma.balanceSnapshot.count({ where: { holdingId: s } })).toBe(1);
  });

  describe('a live session and a cash asset', () => {
    const snapshots = (holdingId: string) => prisma.balanceSnapshot.count({ where: { holdingId } });
    const stillRunning = async (user: string) => (await prisma.playSession.findFirstOrThrow({ where: { userId: user } })).runningFor === user;

    it('ending it into a chosen cash asset appends previous + result to that asset, linked to the session', async () => {
      const user = await newUser();
      const cash = await asset(user, { amount: '300', assetType: ' cash ' });
      await startSession(prisma, user, start({ newVenue: 'Aria' }));
      await addRebuy(prisma, user, d('100'));
      const r = await endSession(prisma, user, end('250.50', false, cash));
      expect(r.status).toBe('ok');
      const newest = await prisma.balanceSnapshot.findFirstOrThrow({ where: { holdingId: cash }, orderBy: { recordedAt: 'desc' } });
      // 300 + (250.50 - 300)
      expect(newest.amount.toFixed(2)).toBe('250.50');
      const row = await prisma.playSession.findFirstOrThrow({ where: { userId: user } });
      expect(row.snapshotId).toBe(newest.id);
      expect(r.status === 'ok' && r.invalidation.expire).toEqual(expect.arrayContaining([expect.stringContaining(cash)]));
    });

    it('without a choice nothing but the session is written', async () => {
      const user = await newUser();
      const cash = await asset(user);
      await startSession(prisma, user, start({ newVenue: 'Aria' }));
      expect((await endSession(prisma, user, end('10'))).status).toBe('ok');
      expect(await snapshots(cash)).toBe(1);
    });

    it('refuses, writing nothing: a non-cash asset, another currency, a loss larger than the cash, the site box on a live session, an asset on an online one', async () => {
      const user = await newUser();
      const bank = await asset(user, { assetType: 'Bank account' });
      const euros = await asset(user, { currency: 'EUR' });
      const small = await asset(user, { amount: '50' });
      await startSession(prisma, user, start({ newVenue: 'Aria' }));
      for (const [input, reason] of [
        [end('10', false, bank), /cash asset/],
        [end('10', false, euros), /EUR/],
        [end('10', false, small), /smaller than this session's loss/],
        [end('10', true), /Choose the cash asset/],
      ] as const) {
        expect(await endSession(prisma, user, input)).toMatchObject({ status: 'balance-unavailable', reason: expect.stringMatching(reason) });
        expect(await stillRunning(user)).toBe(true);
      }
      for (const id of [bank, euros, small]) expect(await snapshots(id)).toBe(1);

      const online = await newUser();
      const cash = await asset(online);
      await startSession(prisma, online, start({ siteId: await site(online) }));
      expect(await endSession(prisma, online, end('10', false, cash))).toMatchObject({ status: 'balance-unavailable', reason: expect.stringMatching(/not a cash asset/) });
      expect(await stillRunning(online)).toBe(true);
      expect(await snapshots(cash)).toBe(1);
    });

    it("another user's cash asset is not-found and writes nothing", async () => {
      const [a, b] = [await newUser(), await newUser()];
      const aCash = await asset(a);
      await startSession(prisma, b, start({ newVenue: 'Aria' }));
      expect((await endSession(prisma, b, end('500', false, aCash))).status).toBe('not-found');
      expect(await stillRunning(b)).toBe(true);
      expect(await snapshots(aCash)).toBe(1);
    });
  });
});
