// Every write's invalidation, derived instead of restated: run each write against a real
// PostgreSQL, compare every per-user read's uncached result before and after, and require
// that (1) each read whose result changed declares a tag the write expires, and (2) each
// tag the write expires belongs to a read whose result changed (nothing expired for nothing).
// The reads' tags come from their own declarations (`read.spec.tags`), the writes' from
// what they return: neither is written down a second time here.
import { randomBytes } from 'node:crypto';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/database';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Invalidation } from '@/lib/data-cache/invalidation';
import { disconnectDb } from '@/lib/db/client';
import { toDayKey } from '@/lib/domain/days';
import { getProfile } from '@/lib/account/reads';
import { deleteAccount, updateDisplayCurrency } from '@/lib/account/writes';
import { readArticleIds } from '@/lib/articles/reads';
import { bankrollChart, bankrollSummary } from '@/lib/bankroll/reads';
import { listGoals } from '@/lib/goals/reads';
import { archiveGoal, createGoal } from '@/lib/goals/writes';
import { holdingHistory, listHoldings } from '@/lib/holdings/reads';
import { appendSnapshot, createHolding, deleteHolding, deleteSnapshot, moveHolding, renameHolding, updateSnapshot, type HoldingRef } from '@/lib/holdings/writes';
import { listAchievements } from '@/lib/progress/reads';
import { listTransfers } from '@/lib/transfers/reads';
import { createTransfer, deleteTransfer, updateTransfer } from '@/lib/transfers/writes';
import { listSessions, listTrackerMappings, listVenues, runningSession, sessionFilterOptions, sessionStats } from '@/lib/sessions/reads';
import { addRebuy, createSession, deleteSession, endSession, importTrackerSessions, saveTrackerMapping, startSession, updateSession } from '@/lib/sessions/writes';
import { applyMapping } from '@/lib/sessions/tracker-import/apply';
import { detectMapping } from '@/lib/sessions/tracker-import/detect';
import { readTrackerCsv } from '@/lib/sessions/tracker-import/table';
import type { SessionInput } from '@/lib/sessions/schemas';

let database: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase('write_invalidation');
  prisma = database.prisma;
  // The reads use the app's own client, which connects on first use.
  process.env.DATABASE_URL = database.url;
  // Reads nested inside a read's load (the chart's rates) go straight to the database too.
  process.env.STAKEEASY_DATA_CACHE = 'off';
  await prisma.currency.createMany({ data: [{ code: 'USD', name: 'US Dollar', symbol: '$' }, { code: 'EUR', name: 'Euro', symbol: '€' }] });
});

afterAll(async () => {
  await disconnectDb();
  await database?.drop();
});

interface Spec {
  name: string;
  tags: (...args: never[]) => string[];
  load: (...args: never[]) => Promise<unknown>;
}
type Read = { spec: Spec };
type Observed = { name: string; tags: string[]; value: string };

const today = toDayKey(new Date());
const d = (v: string) => new Decimal(v);

/** Every per-user read a page can make, with the arguments a page would pass. */
async function observe(userId: string): Promise<Observed[]> {
  const holdingIds = (await prisma.holding.findMany({ where: { userId }, select: { id: true } })).map((h) => h.id);
  knownHoldings = [...new Set([...knownHoldings, ...holdingIds])];
  const calls: [Read, unknown[]][] = [
    [getProfile, [userId]],
    [listHoldings, [userId]],
    [listTransfers, [userId]],
    [listGoals, [userId]],
    [listAchievements, [userId]],
    [readArticleIds, [userId]],
    [bankrollSummary, [userId, 'USD']],
    [bankrollChart, [userId, 'USD', today]],
    [listSessions, [userId]],
    [runningSession, [userId]],
    [listVenues, [userId]],
    [sessionStats, [userId, 'USD', {}]],
    [sessionFilterOptions, [userId]],
    [listTrackerMappings, [userId]],
    ...knownHoldings.map((id): [Read, unknown[]] => [holdingHistory, [userId, id]]),
  ];
  return Promise.all(
    calls.map(async ([read, args]) => {
      const spec = read.spec as unknown as { name: string; tags: (...a: unknown[]) => string[]; load: (...a: unknown[]) => Promise<unknown> };
      return { name: `${spec.name}(${args.join(',')})`, tags: spec.tags(...args), value: JSON.stringify(await spec.load(...args)) };
    }),
  );
}

/** Holdings seen in this test, so a deleted one's history is still compared. */
let knownHoldings: string[] = [];

const dataVersion = async (userId: string) => (await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { dataVersion: true } })).dataVersion;

async function check(userId: string, write: () => Promise<Invalidation>) {
  const before = await observe(userId);
  const versionBefore = await dataVersion(userId);
  const invalidation = await write();
  const after = await observe(userId);
  // Per-user keys carry the version: a write that changed a read without bumping it would
  // leave the old copy readable under the same key.
  expect(await dataVersion(userId), 'the write must bump the user data version').toBeGreaterThan(versionBefore);
  const expired = new Set(invalidation.expire);
  // A holding created by the write has no "before": its (empty) history counts as changed.
  const previous = new Map(before.map((read) => [read.name, read.value]));
  const changed = after.filter((read) => previous.get(read.name) !== read.value);
  const missed = changed.filter((read) => !read.tags.some((t) => expired.has(t))).map((r) => r.name);
  expect(missed, 'reads whose result changed but whose tags the write did not expire').toEqual([]);
  const changedTags = new Set(changed.flatMap((r) => r.tags));
  const needless = [...expired].filter((t) => !changedTags.has(t));
  expect(needless, 'tags the write expired although no read of them changed').toEqual([]);
  expect(changed.length, 'the scenario must change something').toBeGreaterThan(0);
}

function ok<T extends { status: string }>(result: T): Extract<T, { invalidation: Invalidation }> {
  if (!('invalidation' in result)) throw new Error(`write answered ${result.status}`);
  return result as Extract<T, { invalidation: Invalidation }>;
}

let user: string;
let site: string;
let asset: string;
const ref = (holdingId: string, kind: HoldingRef['kind'] = 'POKER_SITE'): HoldingRef => ({ userId: user, kind, holdingId });
const yesterday = new Date(Date.now() - 86_400_000);

beforeEach(async () => {
  user = (await prisma.user.create({ data: { email: `inv-${randomBytes(4).toString('hex')}@example.com`, passwordHash: 'x' }, select: { id: true } })).id;
  site = ok(await createHolding(prisma, user, { kind: 'POKER_SITE', name: 'Stars', assetType: null, currency: 'USD', amount: d('100') }, yesterday)).holdingId;
  asset = ok(await createHolding(prisma, user, { kind: 'ASSET', name: 'Cash', assetType: 'Cash', currency: 'EUR', amount: d('50') }, yesterday)).holdingId;
  knownHoldings = [site, asset];
});

const transfer = (amount: string) => ({ type: 'DEPOSIT' as const, amount: d(amount), currency: 'USD', date: today, note: null });

describe('every write expires exactly the tags of the reads it changes, and bumps the data version', () => {
  it('holdings: create, update balance, edit and delete a snapshot, rename, move, delete', async () => {
    await check(user, async () => ok(await createHolding(prisma, user, { kind: 'POKER_SITE', name: 'Party', assetType: null, currency: 'USD', amount: d('20') })).invalidation);
    await check(user, async () => ok(await appendSnapshot(prisma, ref(site), { amount: d('120'), currency: 'USD', recordedAt: new Date() })).invalidation);
    const [newest] = await prisma.balanceSnapshot.findMany({ where: { holdingId: site }, orderBy: { recordedAt: 'desc' }, take: 1 });
    await check(user, async () => ok(await updateSnapshot(prisma, ref(site), newest.id, { amount: d('130'), recordedAt: newest.recordedAt })).invalidation);
    await check(user, async () => ok(await deleteSnapshot(prisma, ref(site), newest.id)).invalidation);
    await check(user, async () => ok(await renameHolding(prisma, ref(site), 'PokerStars')).invalidation);
    const party = (await prisma.holding.findFirstOrThrow({ where: { userId: user, name: 'Party' } })).id;
    await check(user, async () => ok(await moveHolding(prisma, ref(party), 'up')).invalidation);
    await check(user, async () => ok(await deleteHolding(prisma, ref(asset, 'ASSET'))).invalidation);
  });

  it('transfers: create (a money action: streak), edit, delete', async () => {
    const created = await createTransfer(prisma, user, transfer('40'));
    // The first money action of the day was the holding's creation yesterday: check the next one.
    await check(user, async () => (await createTransfer(prisma, user, transfer('10'))).invalidation);
    await check(user, async () => ok(await updateTransfer(prisma, user, created.transferId, transfer('45'))).invalidation);
    await check(user, async () => ok(await deleteTransfer(prisma, user, created.transferId)).invalidation);
  });

  it('goals: create, complete through a balance update (achievement), archive', async () => {
    const goal = { type: 'BANKROLL' as const, targetAmount: d('1000'), currency: 'USD', endDate: null };
    await check(user, async () => ok(await createGoal(prisma, user, goal)).invalidation);
    await check(user, async () => ok(await appendSnapshot(prisma, ref(site), { amount: d('5000'), currency: 'USD', recordedAt: new Date() })).invalidation);
    const completed = (await prisma.goal.findFirstOrThrow({ where: { userId: user } })).id;
    await check(user, async () => ok(await archiveGoal(prisma, user, completed)).invalidation);
  });

  it('sessions: log, edit, delete; live timer start, rebuy, end with the site balance update', async () => {
    const logged = (over: Partial<SessionInput> = {}): SessionInput => ({
      kind: 'CASH',
      game: 'NLHE',
      venue: { newVenue: 'Aria' },
      currency: 'USD',
      smallBlind: d('1'),
      bigBlind: d('2'),
      buyIn: d('200'),
      fee: d('0'),
      reEntries: 0,
      rebuys: d('0'),
      cashOut: d('260'),
      expenses: d('5'),
      place: null,
      fieldSize: null,
      hands: null,
      startedAt: new Date(Date.now() - 5 * 3600_000),
      endedAt: new Date(Date.now() - 3600_000),
      breakMinutes: 0,
      notes: null,
      tags: ['live'],
      ...over,
    });
    // The holdings were created yesterday: today's first session is a money action (streak) and the first session (achievement).
    let id = '';
    await check(user, async () => {
      const r = ok(await createSession(prisma, user, logged()));
      id = r.sessionId;
      return r.invalidation;
    });
    await check(user, async () => ok(await updateSession(prisma, user, id, logged({ cashOut: d('300') }))).invalidation);
    await check(user, async () => ok(await deleteSession(prisma, user, id)).invalidation);
    const start = { kind: 'CASH' as const, game: 'PLO' as const, venue: { siteId: site }, currency: 'USD', smallBlind: d('0.5'), bigBlind: d('1'), buyIn: d('50'), fee: d('0') };
    await check(user, async () => ok(await startSession(prisma, user, start)).invalidation);
    await check(user, async () => ok(await addRebuy(prisma, user, d('25'))).invalidation);
    const end = { cashOut: d('100'), expenses: d('0'), hands: 120, place: null, fieldSize: null, breakMinutes: 0, notes: null, tags: [], updateBalance: true, balanceAssetId: null };
    await check(user, async () => ok(await endSession(prisma, user, end)).invalidation);
    // The site got previous (100) + result (+25).
    const [newest] = await prisma.balanceSnapshot.findMany({ where: { holdingId: site }, orderBy: { recordedAt: 'desc' }, take: 1 });
    expect(newest.amount.toString()).toBe('125');
    expect((await prisma.playSession.findFirstOrThrow({ where: { userId: user, siteId: site } })).snapshotId).toBe(newest.id);
    // Deleting the session keeps its snapshot; the site's history no longer marks it as the session's.
    const ended = (await prisma.playSession.findFirstOrThrow({ where: { userId: user, siteId: site } })).id;
    await check(user, async () => ok(await deleteSession(prisma, user, ended)).invalidation);
    await check(user, async () => ok(await startSession(prisma, user, start)).invalidation);
    await check(user, async () => ok(await endSession(prisma, user, end)).invalidation);
    // Deleting the site keeps its sessions, unlinked: the sessions change too.
    await check(user, async () => ok(await deleteHolding(prisma, ref(site))).invalidation);
  });

  it('sessions: a live session ended into a cash asset; deleting the asset unlinks the session', async () => {
    const cash = ok(await createHolding(prisma, user, { kind: 'ASSET', name: 'Wallet', assetType: 'Cash', currency: 'USD', amount: d('400') }, yesterday)).holdingId;
    knownHoldings.push(cash);
    const start = { kind: 'CASH' as const, game: 'NLHE' as const, venue: { newVenue: 'Aria' }, currency: 'USD', smallBlind: d('1'), bigBlind: d('2'), buyIn: d('200'), fee: d('0') };
    await check(user, async () => ok(await startSession(prisma, user, start)).invalidation);
    const end = { cashOut: d('150'), expenses: d('10'), hands: null, place: null, fieldSize: null, breakMinutes: 0, notes: null, tags: [], updateBalance: false, balanceAssetId: cash };
    await check(user, async () => ok(await endSession(prisma, user, end)).invalidation);
    const [newest] = await prisma.balanceSnapshot.findMany({ where: { holdingId: cash }, orderBy: { recordedAt: 'desc' }, take: 1 });
    expect(newest.amount.toFixed(2)).toBe('340.00');
    // The session loses its snapshot link (ON DELETE SET NULL) when the asset goes: the sessions change.
    await check(user, async () => ok(await deleteHolding(prisma, ref(cash, 'ASSET'))).invalidation);
  });

  it('sessions: save a tracker mapping; import a tracker file (with and without saving its mapping, and all duplicates)', async () => {
    const read = readTrackerCsv(`Date,Duration,Location,Stakes,Buy-in,Cash out\n${today} 00:00,1,Stars,1/2,100,150\n${today} 00:05,1,Aria,1/2,100,80\n`);
    if (!read.ok) throw new Error(read.error);
    const mapping = detectMapping(read.table.header, [], { currency: 'USD' });
    const { sessions, problems } = applyMapping(read.table, mapping, { now: new Date(Date.now() + 3_600_000), sites: [{ id: site, name: 'Stars' }] });
    expect(problems).toEqual([]);
    await check(user, async () => (await saveTrackerMapping(prisma, user, 'sig-1', mapping)).invalidation);
    // Today's first sessions: the streak and the first-session achievement change too.
    await check(user, async () => {
      const r = await importTrackerSessions(prisma, user, sessions.slice(0, 1), { remember: { signature: 'sig-2', mapping } });
      if (r.status !== 'ok') throw new Error(r.status);
      return r.invalidation;
    });
    await check(user, async () => {
      const r = await importTrackerSessions(prisma, user, sessions);
      if (r.status !== 'ok' || r.imported !== 1) throw new Error(JSON.stringify(r));
      return r.invalidation;
    });
  });


  it('account: display currency and deletion', async () => {
    await check(user, () => updateDisplayCurrency(prisma, user, 'EUR'));
    const before = await observe(user);
    const invalidation = await deleteAccount(prisma, user);
    const expired = new Set(invalidation.expire);
    // Every read of the deleted user had data and must be expired (their results are gone).
    expect(before.filter((r) => !r.tags.some((t) => expired.has(t))).map((r) => r.name)).toEqual([]);
  });
});
