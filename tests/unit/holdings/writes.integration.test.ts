// The site/asset write rules against a real PostgreSQL (its own throw-away
// database): ownership, kind, name clashes, order, the last-snapshot rule
// (also under concurrency), cascade, and the streak/achievement bookkeeping.
import { randomBytes } from 'node:crypto';
import Decimal from 'decimal.js';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '@/lib/db/schema-engine';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { tags } from '@/lib/data-cache/tags';
import {
  appendSnapshot,
  createHolding,
  deleteHolding,
  deleteSnapshot,
  moveHolding,
  renameHolding,
  updateSnapshot,
  type HoldingRef,
} from '@/lib/holdings/writes';

const server = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const dbName = `stakeeasy_holdings_${Date.now()}_${randomBytes(4).toString('hex')}`;
let prisma: PrismaClient;

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${server}/test` });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  const url = `${server}/${dbName}`;
  await applyMigrations(new PrismaPg({ connectionString: url }));
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  await prisma.currency.createMany({
    data: [
      { code: 'USD', name: 'US Dollar', symbol: '$' },
      { code: 'EUR', name: 'Euro', symbol: '€' },
    ],
  });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
});

let alice: string;
let bob: string;

beforeEach(async () => {
  const make = (who: string) =>
    prisma.user.create({ data: { email: `${who}-${randomBytes(4).toString('hex')}@example.com`, passwordHash: 'x' }, select: { id: true } });
  alice = (await make('alice')).id;
  bob = (await make('bob')).id;
});

const d = (v: string) => new Decimal(v);
const now = new Date('2025-06-15T12:00:00.000Z');

async function addSite(userId: string, name: string, amount = '100', currency = 'USD') {
  const result = await createHolding(prisma, userId, { kind: 'POKER_SITE', name, assetType: null, currency, amount: d(amount) }, now);
  if (result.status !== 'ok') throw new Error(`could not add ${name}`);
  return result.holdingId;
}

const siteRef = (userId: string, holdingId: string): HoldingRef => ({ userId, kind: 'POKER_SITE', holdingId });
const snapshotsOf = (holdingId: string) => prisma.balanceSnapshot.findMany({ where: { holdingId }, orderBy: { recordedAt: 'asc' } });
const order = async (userId: string) =>
  (await prisma.holding.findMany({ where: { userId, kind: 'POKER_SITE' }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }] })).map((h) => h.name);

describe('createHolding', () => {
  it('creates the holding last in the order with its opening snapshot, as a money action', async () => {
    const first = await createHolding(prisma, alice, { kind: 'POKER_SITE', name: 'Stars', assetType: null, currency: 'EUR', amount: d('1500.25') }, now);
    expect(first).toMatchObject({ status: 'ok', holdingId: expect.any(String), invalidation: { expire: expect.arrayContaining([tags.profile(alice), tags.achievements(alice)]) } });
    await addSite(alice, 'Party');
    expect(await order(alice)).toEqual(['Stars', 'Party']);
    const [snapshot] = await snapshotsOf((first as { holdingId: string }).holdingId);
    expect(snapshot.amount.toString()).toBe('1500.25');
    expect(snapshot.currency).toBe('EUR');
    expect(snapshot.recordedAt).toEqual(now);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: alice } });
    expect(user.streakCurrent).toBe(1);
    expect(await prisma.userAchievement.findMany({ where: { userId: alice }, select: { achievementCode: true } })).toEqual([{ achievementCode: 'BANKROLL_1K' }]);
  });

  it('refuses a name the user already has for that kind, whatever the case', async () => {
    await addSite(alice, 'Stars');
    for (const name of ['Stars', 'STARS']) {
      expect(await createHolding(prisma, alice, { kind: 'POKER_SITE', name, assetType: null, currency: 'USD', amount: d('1') }, now)).toEqual({ status: 'name-taken' });
    }
    expect(await prisma.holding.count({ where: { userId: alice } })).toBe(1);
    // Another kind or another user may use it.
    expect((await createHolding(prisma, alice, { kind: 'ASSET', name: 'Stars', assetType: 'Cash', currency: 'USD', amount: d('1') }, now)).status).toBe('ok');
    expect((await createHolding(prisma, bob, { kind: 'POKER_SITE', name: 'Stars', assetType: null, currency: 'USD', amount: d('1') }, now)).status).toBe('ok');
  });

  it('lets exactly one of several concurrent creates of a name win', async () => {
    const results = await Promise.all(
      ['Race', 'Race', 'Race'].map((name) => createHolding(prisma, alice, { kind: 'POKER_SITE', name, assetType: null, currency: 'USD', amount: d('1') }, now)),
    );
    expect(results.filter((r) => r.status === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'name-taken')).toHaveLength(2);
  });
});

describe('ownership and kind', () => {
  it('treats another user’s holding, or the wrong kind, as not found and writes nothing', async () => {
    const id = await addSite(alice, 'Stars');
    const foreign = siteRef(bob, id);
    const wrongKind: HoldingRef = { userId: alice, kind: 'ASSET', holdingId: id };
    const [snapshot] = await snapshotsOf(id);
    for (const ref of [foreign, wrongKind]) {
      expect(await appendSnapshot(prisma, ref, { amount: d('5'), currency: 'USD', recordedAt: now }, now)).toEqual({ status: 'not-found' });
      expect(await renameHolding(prisma, ref, 'Mine now')).toEqual({ status: 'not-found' });
      expect(await moveHolding(prisma, ref, 'up')).toEqual({ status: 'not-found' });
      expect(await updateSnapshot(prisma, ref, snapshot.id, { amount: d('0'), recordedAt: now })).toEqual({ status: 'not-found' });
      expect(await deleteSnapshot(prisma, ref, snapshot.id)).toEqual({ status: 'not-found' });
      expect(await deleteHolding(prisma, ref)).toEqual({ status: 'not-found' });
    }
    const after = await prisma.holding.findUniqueOrThrow({ where: { id }, include: { snapshots: true } });
    expect(after.name).toBe('Stars');
    expect(after.snapshots).toHaveLength(1);
    expect(after.snapshots[0].amount.toString()).toBe('100');
    expect((await prisma.user.findUniqueOrThrow({ where: { id: bob } })).streakCurrent).toBe(0);
  });

  it('does not let a snapshot id of one holding be edited through another', async () => {
    const stars = await addSite(alice, 'Stars');
    const party = await addSite(alice, 'Party');
    const [starsSnapshot] = await snapshotsOf(stars);
    expect(await updateSnapshot(prisma, siteRef(alice, party), starsSnapshot.id, { amount: d('1'), recordedAt: now })).toEqual({ status: 'not-found' });
  });
});

describe('snapshots', () => {
  it('appends, edits and deletes, but never the last one', async () => {
    const id = await addSite(alice, 'Stars', '100');
    const ref = siteRef(alice, id);
    const later = new Date('2025-06-15T13:00:00.000Z');
    expect(await appendSnapshot(prisma, ref, { amount: d('150.5'), currency: 'EUR', recordedAt: later }, later)).toMatchObject({ status: 'ok' });
    const [opening, update] = await snapshotsOf(id);
    expect(update.amount.toString()).toBe('150.5');
    expect(update.currency).toBe('EUR');

    expect(await updateSnapshot(prisma, ref, update.id, { amount: d('99.99'), recordedAt: new Date('2025-06-01T00:00:00Z') })).toMatchObject({ status: 'ok' });
    const edited = await prisma.balanceSnapshot.findUniqueOrThrow({ where: { id: update.id } });
    expect(edited.amount.toString()).toBe('99.99');
    expect(edited.currency).toBe('EUR');

    expect(await deleteSnapshot(prisma, ref, opening.id)).toMatchObject({ status: 'ok' });
    expect(await deleteSnapshot(prisma, ref, update.id)).toEqual({ status: 'last-snapshot' });
    expect(await snapshotsOf(id)).toHaveLength(1);
  });

  it('keeps one snapshot when its last two are deleted at the same time', async () => {
    const id = await addSite(alice, 'Stars');
    const ref = siteRef(alice, id);
    await appendSnapshot(prisma, ref, { amount: d('2'), currency: 'USD', recordedAt: now }, now);
    const [a, b] = await snapshotsOf(id);
    const results = await Promise.all([deleteSnapshot(prisma, ref, a.id), deleteSnapshot(prisma, ref, b.id)]);
    expect(results.map((r) => r.status).sort()).toEqual(['last-snapshot', 'ok']);
    expect(await snapshotsOf(id)).toHaveLength(1);
  });

  it('unlocks a bankroll achievement when an edit raises the balance', async () => {
    const id = await addSite(alice, 'Stars', '10');
    const [snapshot] = await snapshotsOf(id);
    const result = await updateSnapshot(prisma, siteRef(alice, id), snapshot.id, { amount: d('1000'), recordedAt: now });
    expect(result).toMatchObject({ status: 'ok', invalidation: { expire: expect.arrayContaining([tags.achievements(alice)]) } });
  });
});

describe('rename, reorder, delete', () => {
  it('renames, refusing another holding’s name but allowing a change of case', async () => {
    const stars = await addSite(alice, 'Stars');
    await addSite(alice, 'Party');
    expect(await renameHolding(prisma, siteRef(alice, stars), 'party')).toEqual({ status: 'name-taken' });
    expect(await renameHolding(prisma, siteRef(alice, stars), 'STARS')).toMatchObject({ status: 'ok' });
    expect(await order(alice)).toEqual(['STARS', 'Party']);
  });

  it('moves up and down, and does nothing at the ends', async () => {
    const a = await addSite(alice, 'A');
    await addSite(alice, 'B');
    const c = await addSite(alice, 'C');
    expect(await moveHolding(prisma, siteRef(alice, c), 'up')).toMatchObject({ status: 'ok' });
    expect(await order(alice)).toEqual(['A', 'C', 'B']);
    expect(await moveHolding(prisma, siteRef(alice, a), 'up')).toEqual({ status: 'unchanged' });
    expect(await moveHolding(prisma, siteRef(alice, a), 'down')).toMatchObject({ status: 'ok' });
    expect(await order(alice)).toEqual(['C', 'A', 'B']);
  });

  it('deletes a holding with its snapshots', async () => {
    const id = await addSite(alice, 'Stars');
    await appendSnapshot(prisma, siteRef(alice, id), { amount: d('2'), currency: 'USD', recordedAt: now }, now);
    expect(await deleteHolding(prisma, siteRef(alice, id))).toMatchObject({ status: 'ok' });
    expect(await prisma.holding.count({ where: { id } })).toBe(0);
    expect(await prisma.balanceSnapshot.count({ where: { holdingId: id } })).toBe(0);
    expect(await deleteHolding(prisma, siteRef(alice, id))).toEqual({ status: 'not-found' });
  });
});
