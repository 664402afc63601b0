// "Invalid input always yields a message and no write", against a real PostgreSQL (a
// throw-away database). The actions parse, then write (settings/actions.ts importDataAction,
// transfers/actions.ts createTransferAction, holdings/actions.ts addHoldingAction); each
// property runs that same pipeline on generated input and checks the database: nothing
// changes unless the input was valid, and then exactly what was typed is stored.
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsvExport, toJsonExport, type AccountData } from '@/lib/account/export-format';
import { importAccountData, type ImportOutcome } from '@/lib/account/writes';
import { loadAccountData } from '@/lib/account/export-data';
import { parseImport, type ImportFormat } from '@/lib/account/import-parse';
import { addHoldingSchema } from '@/lib/holdings/schemas';
import { createHolding } from '@/lib/holdings/writes';
import { transferInputSchema } from '@/lib/transfers/schemas';
import { createTransfer } from '@/lib/transfers/writes';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { seedAchievements } from '@/prisma/seed/index';
import { seedCurrencies } from '@/prisma/seed/rates';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/database';
import { NOW, accountData, brokenData } from './import-data';
import { badAmounts, badNames, currencyCode, farDays, malformedDays, typedAmount, typedDay, typedName, typedText, unknownCurrencies, zeroAmounts } from './support';

const DB_RUNS = { numRuns: 50 } as const;
const TODAY = '2025-06-15';

let database: TestDatabase;
let prisma: PrismaClient;
let userId: string;

/** Row counts of every table: an import may only ever add to the user's own. */
async function tableCounts() {
  const [users, sessions, holdings, snapshots, transfers, goals, userAchievements, reads, rates, currencies, articles, tags, achievements] = await Promise.all([
    prisma.user.count(),
    prisma.session.count(),
    prisma.holding.count(),
    prisma.balanceSnapshot.count(),
    prisma.transfer.count(),
    prisma.goal.count(),
    prisma.userAchievement.count(),
    prisma.articleRead.count(),
    prisma.exchangeRate.count(),
    prisma.currency.count(),
    prisma.article.count(),
    prisma.tag.count(),
    prisma.achievement.count(),
  ]);
  return { users, sessions, holdings, snapshots, transfers, goals, userAchievements, reads, rates, currencies, articles, tags, achievements };
}

const newUser = async (label: string) =>
  (await prisma.user.create({ data: { email: `${label}-${Math.random().toString(36).slice(2)}@example.com`, passwordHash: 'x' }, select: { id: true } })).id;

beforeAll(async () => {
  database = await createTestDatabase('props_writes');
  prisma = database.prisma;
  await seedCurrencies(prisma);
  await seedAchievements(prisma);
  // The account imports go into: one site and an active goal, which files can clash with.
  userId = await newUser('importer');
  await prisma.holding.create({ data: { userId, kind: 'POKER_SITE', name: 'Stars', currency: 'USD', snapshots: { create: { amount: '10.00', currency: 'USD', recordedAt: NOW } } } });
  await prisma.goal.create({ data: { userId, type: 'BANKROLL', targetAmount: '1000000.00', currency: 'USD' } });
}, 180_000);

afterAll(async () => {
  await database?.drop();
});

/** What importDataAction does with the file's text: parse everything, then write in one transaction. */
async function importPipeline(text: string, format: ImportFormat): Promise<ImportOutcome & { reachedWrite: boolean }> {
  const parsed = parseImport(text, format, NOW);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, reachedWrite: false };
  return { ...(await importAccountData(prisma, userId, parsed.plan, NOW)), reachedWrite: true };
}

const exportAs = (data: AccountData, format: ImportFormat) => (format === 'json' ? toJsonExport(data, NOW) : toCsvExport(data));

/** Valid files that clash with the account: a site named like "Stars" (any case), or a second active goal. */
const clashingData = fc
  .tuple(accountData({ min: 1 }), fc.constantFrom('Stars', 'STARS', 'stars', 'sTaRs'), fc.boolean())
  .map(([data, name, viaGoal]): AccountData => {
    if (viaGoal) return { ...data, holdings: [], goals: [{ ...data.goals[0], status: 'ACTIVE' }] };
    const others = data.holdings.filter((h) => !(h.kind === 'POKER_SITE' && h.name.toLowerCase() === 'stars'));
    return { ...data, goals: data.goals.filter((g) => g.status !== 'ACTIVE'), holdings: [{ ...data.holdings[0], kind: 'POKER_SITE', name, assetType: null }, ...others] };
  });

describe('export -> import -> export gives back the same sessions', () => {
  it('JSON and CSV: cash games and tournaments with every optional field, at sites of the file, live venues or nowhere', async () => {
    await fc.assert(
      fc.asyncProperty(accountData(), fc.constantFrom<ImportFormat>('json', 'csv'), async (data, format) => {
        // Into a new account each time (no clash with its sites or its active goal).
        const user = await newUser('round-trip');
        const parsed = parseImport(exportAs(data, format), format, NOW);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const outcome = await importAccountData(prisma, user, parsed.plan, NOW);
        expect(outcome.ok).toBe(true);
        const exported = await loadAccountData(prisma, user);
        // The export lists sessions by start time; ties keep the file's order (the import's creation order).
        const expected = data.sessions.map((x, i) => ({ x, i })).sort((a, b) => a.x.startedAt.localeCompare(b.x.startedAt) || a.i - b.i).map(({ x }) => x);
        // Equal data: the export text is a pure function of it, so the second file equals the first's sessions.
        expect(exported.sessions).toEqual(expected);
      }),
      DB_RUNS,
    );
  });
});

describe('an import that is refused writes nothing', () => {
  it('broken files, clashing files and arbitrary text: errors returned, every table unchanged', async () => {
    const before = await tableCounts();
    let writesAttempted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(brokenData.map((b) => b.data), fc.constantFrom<ImportFormat>('json', 'csv')).map(([data, format]) => ({ text: exportAs(data, format), format })),
          fc.tuple(clashingData, fc.constantFrom<ImportFormat>('json', 'csv')).map(([data, format]) => ({ text: exportAs(data, format), format })),
          fc.tuple(fc.string({ maxLength: 200 }), fc.constantFrom<ImportFormat>('json', 'csv')).map(([text, format]) => ({ text, format })),
        ),
        async ({ text, format }) => {
          const outcome = await importPipeline(text, format);
          if (outcome.reachedWrite) writesAttempted++;
          expect(outcome.ok).toBe(false);
          expect(!outcome.ok && outcome.errors.length).toBeGreaterThan(0);
          expect(await tableCounts()).toEqual(before);
        },
      ),
      DB_RUNS,
    );
    // The clashes got past the parser: the transaction itself refused them.
    expect(writesAttempted).toBeGreaterThan(0);
  });

  it('the same pipeline does write a valid file (so the counts above can move)', async () => {
    const data = fc.sample(accountData({ min: 1 }), { numRuns: 1, seed: 7 })[0];
    const renamed = (name: string) => `${name.slice(0, 40)} new`;
    const fresh = {
      ...data,
      holdings: data.holdings.map((h) => ({ ...h, name: renamed(h.name) })),
      // The sessions name the renamed sites.
      sessions: data.sessions.map((x) => ({
        ...x,
        site: x.site === null ? null : renamed(x.site),
        balanceSnapshot: x.balanceSnapshot && { ...x.balanceSnapshot, holding: renamed(x.balanceSnapshot.holding) },
      })),
      goals: data.goals.filter((g) => g.status !== 'ACTIVE'),
    };
    const before = await tableCounts();
    const outcome = await importPipeline(exportAs(fresh, 'json'), 'json');
    expect(outcome.ok).toBe(true);
    expect((await tableCounts()).transfers).toBe(before.transfers + fresh.transfers.length);
  });
});

// Each field valid or broken, picked independently: the write happens exactly when all are valid.
const pick = <T, B>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<B>) => fc.oneof(good.map((value) => ({ ok: true as const, value })), bad.map((value) => ({ ok: false as const, value })));

describe('a refused form writes nothing; an accepted one stores exactly what was typed', () => {
  it('deposits and withdrawals (createTransferAction)', async () => {
    const owner = await newUser('transfers');
    const schema = transferInputSchema(TODAY);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          type: pick(fc.constantFrom('DEPOSIT', 'WITHDRAWAL'), fc.constantFrom('deposit', '')),
          date: pick(typedDay('2000-01-01', TODAY).map((d) => d.text), fc.oneof(malformedDays, farDays)),
          amount: pick(typedAmount(1n).map((a) => a.text), fc.oneof(badAmounts, zeroAmounts)),
          currency: pick(currencyCode, unknownCurrencies),
          note: pick(typedText(200).map((t) => t.text), fc.constantFrom('a\u0000b', 'n'.repeat(201))),
        }),
        async (fields) => {
          const form = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.value]));
          const allValid = Object.values(fields).every((f) => f.ok);
          const before = await prisma.transfer.count({ where: { userId: owner } });
          const parsed = schema.safeParse(form);
          expect(parsed.success).toBe(allValid);
          if (parsed.success) {
            const { transferId } = await createTransfer(prisma, owner, parsed.data, new Date(`${TODAY}T12:00:00.000Z`));
            const row = await prisma.transfer.findUniqueOrThrow({ where: { id: transferId } });
            expect({ amount: row.amount.toFixed(2), note: row.note, day: row.occurredOn.toISOString().slice(0, 10), currency: row.currency }).toEqual({
              amount: parsed.data.amount.toFixed(2),
              note: parsed.data.note,
              day: parsed.data.date,
              currency: parsed.data.currency,
            });
          }
          expect(await prisma.transfer.count({ where: { userId: owner } })).toBe(before + (allValid ? 1 : 0));
        },
      ),
      DB_RUNS,
    );
  });

  // Prisma's case-insensitive `equals` becomes ILIKE: nameInUse escapes the wildcards.
  it('a name with LIKE wildcards clashes only with an equal name', async () => {
    const owner = await newUser('wildcards');
    const add = (name: string) => createHolding(prisma, owner, { kind: 'POKER_SITE', name, assetType: null, currency: 'USD', amount: new Decimal(1) });
    expect((await add('Poker Stars')).status).toBe('ok');
    expect((await add('Poker_Stars')).status).toBe('ok');
    expect((await add('Poker%')).status).toBe('ok');
    expect((await add('POKER STARS')).status).toBe('name-taken');
    expect((await add('poker%')).status).toBe('name-taken');
  });

  it('sites (addHoldingAction): stored exactly, or refused as a name clash, or nothing written', async () => {
    const owner = await newUser('holdings');
    const schema = addHoldingSchema('POKER_SITE');
    // Short ASCII names collide often, so the clash rule is exercised. No LIKE wildcards (% _ \\)
    // here until the known bug above is fixed.
    const asciiName = fc.stringMatching(/^[A-Za-z0-9 ]{2,6}$/).filter((n) => n.trim().length >= 2);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          name: pick(fc.oneof(typedName(2, 50).map((n) => n.text), asciiName), badNames(2, 50)),
          amount: pick(typedAmount(0n).map((a) => a.text), badAmounts),
          currency: pick(currencyCode, unknownCurrencies),
        }),
        async (fields) => {
          const form = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.value]));
          const allValid = Object.values(fields).every((f) => f.ok);
          const existing = await prisma.holding.findMany({ where: { userId: owner }, select: { name: true } });
          const parsed = schema.safeParse(form);
          expect(parsed.success).toBe(allValid);
          let written = 0;
          if (parsed.success) {
            const clash = existing.some((h) => h.name.toLowerCase() === parsed.data.name.toLowerCase());
            const result = await createHolding(prisma, owner, { kind: 'POKER_SITE', ...parsed.data });
            // Case folding beyond ASCII is PostgreSQL's (collation) business; ASCII must agree
            // exactly (wildcards aside: the known bug above).
            const checkable = /^[\x20-\x7e]*$/.test(parsed.data.name) && !/[%_\\]/.test(parsed.data.name);
            if (checkable) expect(result.status, `${parsed.data.name} vs ${JSON.stringify(existing)}`).toBe(clash ? 'name-taken' : 'ok');
            if (result.status === 'ok') {
              written = 1;
              const row = await prisma.holding.findUniqueOrThrow({ where: { id: result.holdingId }, include: { snapshots: true } });
              expect({ name: row.name, currency: row.currency, amount: new Decimal(row.snapshots[0].amount.toString()).toFixed(2) }).toEqual({
                name: parsed.data.name,
                currency: parsed.data.currency,
                amount: parsed.data.amount.toFixed(2),
              });
            }
          }
          expect(await prisma.holding.count({ where: { userId: owner } })).toBe(existing.length + written);
        },
      ),
      DB_RUNS,
    );
  });
});
