// The tracker import's write on PostgreSQL: all or nothing, duplicates skipped (against the
// account and within the file), venues remembered once, places matched to the user's own sites
// only, and the saved mapping per header signature.
import { randomBytes } from 'node:crypto';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/database';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { createHolding } from '@/lib/holdings/writes';
import { applyMapping } from '@/lib/sessions/tracker-import/apply';
import { detectMapping } from '@/lib/sessions/tracker-import/detect';
import { readTrackerCsv } from '@/lib/sessions/tracker-import/table';
import { headerSignature } from '@/lib/sessions/tracker-import/mapping';
import { importTrackerSessions, saveTrackerMapping } from '@/lib/sessions/writes';

let database: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase('imp_tracker_import');
  prisma = database.prisma;
  await prisma.currency.createMany({ data: [{ code: 'USD', name: 'US Dollar', symbol: '$' }] });
});
afterAll(async () => database?.drop());

const NOW = new Date();
const day = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
const newUser = async () => (await prisma.user.create({ data: { email: `ti-${randomBytes(4).toString('hex')}@example.com`, passwordHash: 'x' } })).id;
const siteOf = async (userId: string, name: string) => {
  const r = await createHolding(prisma, userId, { kind: 'POKER_SITE', name, assetType: null, currency: 'USD', amount: new Decimal('100') });
  if (r.status !== 'ok') throw new Error(r.status);
  return r.holdingId;
};

/** The page's pipeline without the page: read, detect, map against the user's sites. */
async function mapped(userId: string, csv: string) {
  const read = readTrackerCsv(csv);
  if (!read.ok) throw new Error(read.error);
  const mapping = detectMapping(read.table.header, read.table.rows.map((r) => r.cells), { currency: 'USD' });
  const sites = await prisma.holding.findMany({ where: { userId, kind: 'POKER_SITE' }, select: { id: true, name: true } });
  return { ...applyMapping(read.table, mapping, { now: NOW, sites }), mapping, signature: headerSignature(read.table.header) };
}

const HEADER = 'Date,Duration,Location,Stakes,Buy-in,Cash out';

describe('importing a tracker file', () => {
  it('adds every row in one go, remembers new venues once, links the user’s own site, and saves the mapping', async () => {
    const user = await newUser();
    const stars = await siteOf(user, 'Stars');
    const m = await mapped(user, `${HEADER}\n${day(3)} 19:00,120,stars,1/2,100,150\n${day(2)} 19:00,60,Aria,1/2,100,80\n${day(1)} 19:00,60,ARIA,1/2,100,130\n`);
    expect(m.problems).toEqual([]);
    const r = await importTrackerSessions(prisma, user, m.sessions, { remember: { signature: m.signature, mapping: m.mapping }, now: NOW });
    expect(r).toMatchObject({ status: 'ok', imported: 3, duplicates: [] });
    const rows = await prisma.playSession.findMany({ where: { userId: user }, orderBy: { startedAt: 'asc' }, include: { venue: true } });
    expect(rows.map((s) => [s.siteId, s.venue?.name ?? null, s.cashOut?.toString()])).toEqual([
      [stars, null, '150'],
      [null, 'Aria', '80'],
      [null, 'Aria', '130'],
    ]);
    expect(await prisma.liveVenue.count({ where: { userId: user } })).toBe(1);
    const saved = await prisma.trackerImportMapping.findUniqueOrThrow({ where: { userId_signature: { userId: user, signature: m.signature } } });
    expect(saved.mapping).toEqual(m.mapping);
    // A session logged counts for the streak, imported or typed.
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user } })).streakCurrent).toBe(1);
  });

  it('skips duplicates of saved sessions and of earlier rows, and reports them with their lines', async () => {
    const user = await newUser();
    const first = await mapped(user, `${HEADER}\n${day(3)} 19:00,120,Aria,1/2,100,150\n`);
    await importTrackerSessions(prisma, user, first.sessions, { now: NOW });
    // Same start, place (any case) and result: a duplicate, even with another duration or buy-in split.
    const again = await mapped(user, `${HEADER}\n${day(3)} 19:00,90,aria,1/2,200,250\n${day(2)} 19:00,60,Aria,1/2,100,80\n${day(2)} 19:00,60,Aria,1/2,100,80\n`);
    const r = await importTrackerSessions(prisma, user, again.sessions, { now: NOW });
    expect(r).toMatchObject({ status: 'ok', imported: 1, duplicates: [{ line: 2, repeatsLine: null }, { line: 4, repeatsLine: 3 }] });
    expect(await prisma.playSession.count({ where: { userId: user } })).toBe(2);
    // The same file a third time writes nothing and expires nothing of the sessions.
    const third = await importTrackerSessions(prisma, user, again.sessions, { now: NOW });
    expect(third).toMatchObject({ status: 'ok', imported: 0, invalidation: { expire: [] } });
  });

  it('a file with one bad row maps to problems only, so nothing reaches the write', async () => {
    const user = await newUser();
    const m = await mapped(user, `${HEADER}\n${day(3)} 19:00,120,Aria,1/2,100,150\n${day(2)} 19:00,60,Aria,1/2,100,oops\n`);
    expect(m.problems.map((p) => p.line)).toEqual([3]);
    expect(await prisma.playSession.count({ where: { userId: user } })).toBe(0);
  });

  it('is all or nothing: a failure inside the transaction leaves no session and no venue', async () => {
    const user = await newUser();
    const m = await mapped(user, `${HEADER}\n${day(3)} 19:00,120,Brand New Venue,1/2,100,150\n`);
    // A session row PostgreSQL refuses (a currency code longer than its column), after the venue was created.
    const broken = [...m.sessions, { ...m.sessions[0], key: 'other', input: { ...m.sessions[0].input, currency: 'ZZZZ', startedAt: new Date(NOW.getTime() - 7_200_000) } }];
    await expect(importTrackerSessions(prisma, user, broken, { now: NOW })).rejects.toThrow();
    expect(await prisma.playSession.count({ where: { userId: user } })).toBe(0);
    expect(await prisma.liveVenue.count({ where: { userId: user } })).toBe(0);
  });

  it("another user's site name is only a name: it becomes the importer's own live venue", async () => {
    const [a, b] = [await newUser(), await newUser()];
    const aSite = await siteOf(a, 'Private Club');
    const m = await mapped(b, `${HEADER}\n${day(3)} 19:00,120,Private Club,1/2,100,150\n`);
    expect(m.sessions[0].input.venue).toEqual({ newVenue: 'Private Club' });
    // And a forged site id of A's is refused as a whole: nothing written.
    const forged = [{ ...m.sessions[0], input: { ...m.sessions[0].input, venue: { siteId: aSite } } }];
    expect(await importTrackerSessions(prisma, b, forged, { now: NOW })).toEqual({ status: 'changed-meanwhile' });
    expect(await prisma.playSession.count({ where: { userId: b } })).toBe(0);
    expect(await prisma.playSession.count({ where: { siteId: aSite } })).toBe(0);
  });

  it('saving a mapping again replaces the one of that header signature', async () => {
    const user = await newUser();
    const m = await mapped(user, `${HEADER}\n${day(3)} 19:00,120,Aria,1/2,100,150\n`);
    await saveTrackerMapping(prisma, user, m.signature, m.mapping);
    await saveTrackerMapping(prisma, user, m.signature, { ...m.mapping, dateFormat: 'DD/MM/YYYY' });
    const rows = await prisma.trackerImportMapping.findMany({ where: { userId: user } });
    expect(rows).toHaveLength(1);
    expect((rows[0].mapping as { dateFormat: string }).dateFormat).toBe('DD/MM/YYYY');
  });
});
