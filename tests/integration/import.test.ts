import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteAccount } from '@/lib/account/writes';
import { loadAccountData } from '@/lib/account/export-data';
import { toCsvExport, toJsonExport, type AccountData } from '@/lib/account/export-format';
import { importAccountData } from '@/lib/account/writes';
import { parseCsvImport, parseJsonImport, type ImportPlan } from '@/lib/account/import-parse';
import { allUserTags, tags } from '@/lib/data-cache/tags';
import { DEMO_USER, seed } from '@/prisma/seed/index';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

let database: TestDatabase;
let demoId: string;
const NOW = new Date();

const newUser = async (label: string) =>
  (await database.prisma.user.create({ data: { email: `${label}-${Math.random().toString(36).slice(2)}@example.com`, passwordHash: 'x' }, select: { id: true } })).id;

const withoutProfile = ({ holdings, transfers, goals, achievements, articleReads, sessions }: AccountData) => ({ holdings, transfers, goals, achievements, articleReads, sessions });

function plan(result: ReturnType<typeof parseJsonImport>): ImportPlan {
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.plan;
}

/** Every row of the tables an import must never write, as text. */
async function sharedTables() {
  const p = database.prisma;
  const [rates, currencies, articles, tagsRows, achievements] = await Promise.all([
    p.exchangeRate.findMany({ orderBy: { id: 'asc' } }),
    p.currency.findMany({ orderBy: { code: 'asc' } }),
    p.article.findMany({ orderBy: { id: 'asc' } }),
    p.tag.findMany({ orderBy: { id: 'asc' } }),
    p.achievement.findMany({ orderBy: { code: 'asc' } }),
  ]);
  return JSON.stringify({ rates, currencies, articles, tagsRows, achievements });
}

async function userRowCounts(userId: string) {
  const p = database.prisma;
  return {
    holdings: await p.holding.count({ where: { userId } }),
    snapshots: await p.balanceSnapshot.count({ where: { holding: { userId } } }),
    transfers: await p.transfer.count({ where: { userId } }),
    goals: await p.goal.count({ where: { userId } }),
    achievements: await p.userAchievement.count({ where: { userId } }),
    reads: await p.articleRead.count({ where: { userId } }),
    sessions: await p.playSession.count({ where: { userId } }),
    venues: await p.liveVenue.count({ where: { userId } }),
  };
}

beforeAll(async () => {
  database = await createTestDatabase('import');
  await seed(database.prisma);
  demoId = (await database.prisma.user.findUniqueOrThrow({ where: { email: DEMO_USER.email } })).id;
  // Give the demo two read marks: a published article and a draft (which does not travel).
  const [published, draft] = await Promise.all([
    database.prisma.article.findFirstOrThrow({ where: { status: 'PUBLISHED' }, orderBy: { slug: 'asc' } }),
    database.prisma.article.findFirstOrThrow({ where: { status: 'DRAFT' } }),
  ]);
  await database.prisma.articleRead.createMany({
    data: [
      { userId: demoId, articleId: published.id, readAt: new Date('2025-01-02T03:04:05.678Z') },
      { userId: demoId, articleId: draft.id, readAt: new Date('2025-01-03T03:04:05.678Z') },
    ],
  });
  // Play sessions: online at a site, live at a venue, at a deleted site (neither), and a running one (not exported).
  const site = await database.prisma.holding.findFirstOrThrow({ where: { userId: demoId, kind: 'POKER_SITE' }, orderBy: { position: 'asc' } });
  const venue = await database.prisma.liveVenue.create({ data: { userId: demoId, name: 'Aria, Las Vegas' } });
  const base = { userId: demoId, currency: 'USD', buyIn: '200.00', startedAt: new Date('2025-03-01T18:00:00.000Z'), endedAt: new Date('2025-03-01T22:15:00.000Z') };
  await database.prisma.playSession.createMany({
    data: [
      { ...base, kind: 'CASH', game: 'NLHE', siteId: site.id, smallBlind: '1.00', bigBlind: '2.00', rebuys: '100.00', cashOut: '512.37', hands: 380, breakMinutes: 20, tags: ['deep', 'reg table'], notes: 'line one\nline two, "quoted"' },
      { ...base, kind: 'TOURNAMENT', game: 'PLO', venueId: venue.id, fee: '20.00', reEntries: 1, cashOut: '1450.00', expenses: '15.50', place: 3, fieldSize: 212, currency: 'EUR' },
      { ...base, kind: 'CASH', game: 'MIXED', smallBlind: '5.00', bigBlind: '10.00', cashOut: '0.00', startedAt: new Date('2025-03-02T18:00:00.000Z'), endedAt: new Date('2025-03-02T19:00:00.000Z') },
      { ...base, kind: 'CASH', game: 'LHE', siteId: site.id, smallBlind: '1.00', bigBlind: '2.00', endedAt: null, runningFor: demoId },
    ],
  });
  // ...with the achievement reading unlocks in the app.
  await database.prisma.userAchievement.createMany({ data: [
      { userId: demoId, achievementCode: 'READ_1', unlockedAt: new Date('2025-01-02T03:04:05.678Z') },
      // ...and the one its sessions unlock.
      { userId: demoId, achievementCode: 'SESSION_1', unlockedAt: new Date('2025-03-01T22:15:00.000Z') },
    ],
    skipDuplicates: true });
}, 180_000);

afterAll(async () => {
  await database?.drop();
});

describe('export, then import into a fresh account', () => {
  it.each([
    ['JSON', (d: AccountData) => parseJsonImport(toJsonExport(d, NOW), NOW)],
    ['CSV', (d: AccountData) => parseCsvImport(toCsvExport(d), NOW)],
  ])('%s reproduces holdings, snapshots, transfers, goals and achievements, touching no shared table', async (_format, roundTrip) => {
    const source = await loadAccountData(database.prisma, demoId);
    expect(source.holdings.length).toBeGreaterThan(5);
    expect(source.transfers.length).toBeGreaterThan(10);
    expect(source.sessions.length).toBeGreaterThan(100); // the seeded year plus the three above
    const shared = await sharedTables();
    const otherBefore = await userRowCounts(demoId);

    const target = await newUser('fresh');
    const outcome = await importAccountData(database.prisma, target, plan(roundTrip(source)), NOW);
    expect(outcome).toMatchObject({ ok: true, summary: { holdings: source.holdings.length, transfers: source.transfers.length, skippedReads: 1 } });

    const copy = await loadAccountData(database.prisma, target);
    const { articleReads: sourceReads, ...sourceRest } = withoutProfile(source);
    const { articleReads: copyReads, ...copyRest } = withoutProfile(copy);
    expect(copyRest.sessions).toEqual(sourceRest.sessions);
    expect(copyRest).toEqual(sourceRest);
    expect(copyReads).toEqual(sourceReads.slice(0, 1)); // the draft's read mark is skipped
    expect(copy.profile.displayCurrency).toBe('USD'); // the profile is not imported

    expect(await sharedTables()).toBe(shared);
    expect(await userRowCounts(demoId)).toEqual(otherBefore);
  });

  it('keeps amounts exact to the cent', async () => {
    const target = await newUser('exact');
    const document = {
      format: 'stakeeasy-export',
      version: 1,
      holdings: [{ kind: 'ASSET', name: 'Vault', assetType: 'Cash', currency: 'JPY', position: 0, snapshots: [{ amount: '999999999999.99', currency: 'JPY', recordedAt: '2025-01-01T00:00:00.001Z' }] }],
      transfers: [{ type: 'DEPOSIT', amount: '0.01', currency: 'EUR', occurredOn: '2025-01-01', note: '=1+1' }],
    };
    expect(await importAccountData(database.prisma, target, plan(parseJsonImport(JSON.stringify(document), NOW)), NOW)).toMatchObject({ ok: true });
    const copy = await loadAccountData(database.prisma, target);
    expect(copy.holdings[0].snapshots[0]).toEqual({ amount: '999999999999.99', currency: 'JPY', recordedAt: '2025-01-01T00:00:00.001Z' });
    expect(copy.transfers[0]).toEqual({ type: 'DEPOSIT', amount: '0.01', currency: 'EUR', occurredOn: '2025-01-01', note: '=1+1' });
    expect(toCsvExport(copy)).toContain(",'=1+1,");
  });
});

describe('import conflicts and atomicity', () => {
  it('adds to an account, placing new holdings after the existing ones', async () => {
    const target = await newUser('adds');
    await database.prisma.holding.create({ data: { userId: target, kind: 'POKER_SITE', name: 'Local Club', currency: 'USD', position: 4 } });
    const file = { format: 'stakeeasy-export', version: 1, holdings: [{ kind: 'POKER_SITE', name: 'Stars', currency: 'USD', position: 0 }] };
    expect(await importAccountData(database.prisma, target, plan(parseJsonImport(JSON.stringify(file), NOW)), NOW)).toMatchObject({ ok: true });
    const holdings = await database.prisma.holding.findMany({ where: { userId: target }, orderBy: { position: 'asc' }, select: { name: true, position: true } });
    expect(holdings).toEqual([
      { name: 'Local Club', position: 4 },
      { name: 'Stars', position: 5 },
    ]);
  });

  it('refuses a second import of the same data (name conflict) and writes nothing', async () => {
    const target = await newUser('twice');
    const file = plan(parseJsonImport(toJsonExport(await loadAccountData(database.prisma, demoId), NOW), NOW));
    expect(await importAccountData(database.prisma, target, file, NOW)).toMatchObject({ ok: true });
    const before = await userRowCounts(target);
    const again = await importAccountData(database.prisma, target, file, NOW);
    expect(again.ok).toBe(false);
    expect(!again.ok && again.errors[0]).toBe('A poker site named "PokerStars" already exists in your account. Rename or remove it (in the file or in the app), then import again.');
    expect(!again.ok && again.errors.at(-1)).toMatch(/^The file has an active goal and your account already has one/);
    expect(await userRowCounts(target)).toEqual(before);
  });

  it('matches existing names case-insensitively', async () => {
    const target = await newUser('case');
    await database.prisma.holding.create({ data: { userId: target, kind: 'ASSET', name: 'cash', currency: 'USD' } });
    const file = { format: 'stakeeasy-export', version: 1, holdings: [{ kind: 'ASSET', name: 'Cash', currency: 'EUR' }], transfers: [{ type: 'DEPOSIT', amount: '5', currency: 'EUR', occurredOn: '2025-01-01' }] };
    const outcome = await importAccountData(database.prisma, target, plan(parseJsonImport(JSON.stringify(file), NOW)), NOW);
    expect(outcome).toEqual({ ok: false, errors: ['An asset named "Cash" already exists in your account. Rename or remove it (in the file or in the app), then import again.'] });
    expect(await database.prisma.transfer.count({ where: { userId: target } })).toBe(0);
  });

  it('rolls everything back when a write fails half-way', async () => {
    const target = await newUser('atomic');
    // Not producible by the parser (it rejects duplicates): forces a unique violation after
    // the first holding and its snapshots were written in the transaction.
    const broken: ImportPlan = {
      holdings: [
        { kind: 'POKER_SITE', name: 'Dup', assetType: null, currency: 'USD', position: 0, snapshots: [{ amount: '1.00', currency: 'USD', recordedAt: NOW }] },
        { kind: 'POKER_SITE', name: 'Dup', assetType: null, currency: 'USD', position: 1, snapshots: [] },
      ],
      transfers: [{ type: 'DEPOSIT', amount: '1.00', currency: 'USD', occurredOn: '2025-01-01', note: null }],
      goals: [],
      sessions: [],
      achievements: [],
      articleReads: [],
    };
    const outcome = await importAccountData(database.prisma, target, broken, NOW);
    expect(outcome.ok).toBe(false);
    expect(await userRowCounts(target)).toEqual({ holdings: 0, snapshots: 0, transfers: 0, goals: 0, achievements: 0, reads: 0, sessions: 0, venues: 0 });
  });
});

describe('deleteAccount', () => {
  it('removes the user and everything they own, and nobody else\'s data', async () => {
    const victim = await newUser('delete');
    const file = plan(parseJsonImport(toJsonExport(await loadAccountData(database.prisma, demoId), NOW), NOW));
    await importAccountData(database.prisma, victim, file, NOW);
    await database.prisma.session.create({ data: { id: `s-${victim}`, userId: victim, expiresAt: new Date(Date.now() + 60_000) } });
    const holdingIds = (await database.prisma.holding.findMany({ where: { userId: victim }, select: { id: true } })).map((h) => h.id);
    const demoBefore = await userRowCounts(demoId);
    const shared = await sharedTables();

    const changed = await deleteAccount(database.prisma, victim);

    expect(changed.expire).toEqual(expect.arrayContaining([...allUserTags(victim), ...holdingIds.map(tags.holding)]));
    expect(changed.expire).not.toContain(tags.articles());
    expect(await database.prisma.user.count({ where: { id: victim } })).toBe(0);
    expect(await userRowCounts(victim)).toEqual({ holdings: 0, snapshots: 0, transfers: 0, goals: 0, achievements: 0, reads: 0, sessions: 0, venues: 0 });
    expect(await database.prisma.session.count({ where: { userId: victim } })).toBe(0);
    expect(await userRowCounts(demoId)).toEqual(demoBefore);
    expect(await sharedTables()).toBe(shared);
  });

  it('keeps the articles of a deleted author published, and invalidates their pages', async () => {
    const author = await newUser('author');
    const article = await database.prisma.article.create({
      data: { slug: `by-author-${author}`.toLowerCase(), title: 'T', summary: 'S', markdown: 'M', html: '<p>M</p>', status: 'PUBLISHED', publishedAt: NOW, authorId: author },
    });
    const changed = await deleteAccount(database.prisma, author);
    expect(changed.expire).toEqual(expect.arrayContaining([tags.articles(), tags.article(article.slug)]));
    expect(await database.prisma.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({ status: 'PUBLISHED', authorId: null });
  });
});
