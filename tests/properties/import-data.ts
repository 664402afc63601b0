// Generated account data (what an export holds), the import plan it must turn into, and a
// catalogue of ways to break one field of it: shared by the parser properties and the
// database property (an invalid import writes nothing).
import fc from 'fast-check';
import { csvExportLines, type AccountData } from '@/lib/account/export-format';
import type { ImportPlan } from '@/lib/account/import-parse';
import { ACHIEVEMENT_CODES } from '@/lib/domain/achievements';
import { SCRIPT_PAYLOAD, SQL_PAYLOAD, badAmounts, centsToFixed, currencyCode, dayOf, typedName, typedText, unknownCurrencies, zeroAmounts, MAX_CENTS } from './support';
import { EARLIEST_INSTANT, SESSION_COUNT_MAX, SESSION_MAX_MINUTES, SESSION_NOTES_MAX, SESSION_TAGS_MAX, SESSION_TAG_MAX, VENUE_NAME_MAX, latestDay, latestInstant } from '@/lib/fields/limits';
import { GAMES } from '@/lib/sessions/rules';

/** "now" of every parse: an import accepts days up to today and times up to a day ahead (clock skew), like the forms. */
export const NOW = new Date('2025-06-15T12:00:00.000Z');
const LATEST = latestInstant(NOW);
const LATEST_DAY = new Date(`${latestDay(NOW)}T23:59:59.999Z`);
const EARLIEST = EARLIEST_INSTANT;

const instant = fc.date({ min: EARLIEST, max: LATEST, noInvalidDate: true }).map((d) => d.toISOString());
const day = (max: Date) => fc.date({ min: EARLIEST, max, noInvalidDate: true }).map(dayOf);
const money = (min: bigint) => fc.bigInt({ min, max: MAX_CENTS }).map(centsToFixed);
/** Stored text is already trimmed; empty text is stored as null. */
const storedText = (max: number) => typedText(max).map((t) => t.expected || null);
const slug = fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}$/);

const holding = fc
  .record({
    kind: fc.constantFrom('POKER_SITE' as const, 'ASSET' as const),
    name: typedName(2, 50).map((n) => n.expected),
    assetType: fc.option(typedName(1, 30).map((n) => n.expected), { nil: null }),
    currency: currencyCode,
    snapshots: fc.array(fc.record({ amount: money(0n), currency: currencyCode, recordedAt: instant }), { maxLength: 4 }),
  })
  .map((h) => ({ ...h, assetType: h.kind === 'ASSET' ? h.assetType : null }));

const goal = fc.record({
  type: fc.constantFrom('BANKROLL' as const, 'PROFIT' as const),
  targetAmount: money(1n),
  currency: currencyCode,
  endDate: fc.option(day(new Date('2100-12-31T00:00:00.000Z')), { nil: null }),
  status: fc.constantFrom('ACTIVE' as const, 'COMPLETED' as const, 'ARCHIVED' as const),
  createdAt: instant,
  completedAt: fc.option(instant, { nil: null }),
  archivedAt: fc.option(instant, { nil: null }),
});

// ------------------------------------------------------------------------------ sessions

const MAX_SESSION_MS = SESSION_MAX_MINUTES * 60_000;
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const count = (max: number) => fc.integer({ min: 0, max });
/** A tag as stored: trimmed, inner spaces single, no comma (the CSV and the form split on it). */
const tag = typedName(1, SESSION_TAG_MAX)
  .map((n) => n.expected)
  .filter((t) => !t.includes(',') && t === t.replace(/\s+/g, ' '));
const venueName = typedName(1, VENUE_NAME_MAX).map((n) => n.expected);

/** Where a session was played: one of the file's poker sites, a live venue, or neither (its site was deleted). */
function sessionPlace(siteNames: readonly string[]) {
  const live = venueName.map((venue) => ({ site: null, venue }));
  const orphan = fc.constant({ site: null, venue: null });
  return siteNames.length ? fc.oneof(fc.constantFrom(...siteNames).map((site) => ({ site, venue: null })), live, orphan) : fc.oneof(live, orphan);
}

/** What only a cash game or only a tournament has; the other kind's fields as the form stores them. */
const cashFields = fc.record({
  kind: fc.constant('CASH' as const),
  smallBlind: optional(money(0n)),
  bigBlind: money(1n),
  fee: fc.constant('0.00'),
  reEntries: fc.constant(0),
  place: fc.constant(null),
  fieldSize: fc.constant(null),
});
const tournamentFields = fc
  .record({
    kind: fc.constant('TOURNAMENT' as const),
    smallBlind: fc.constant(null),
    bigBlind: fc.constant(null),
    fee: money(0n),
    reEntries: count(1000),
    place: optional(fc.integer({ min: 1, max: SESSION_COUNT_MAX })),
    fieldSize: optional(fc.integer({ min: 1, max: SESSION_COUNT_MAX })),
  })
  // A place within the field, as the form requires.
  .map((t) => (t.place !== null && t.fieldSize !== null && t.place > t.fieldSize ? { ...t, place: t.fieldSize, fieldSize: t.place } : t));

/** An ended session as an export writes it, every optional field present or not. */
function session(siteNames: readonly string[]) {
  return fc
    .record({
      where: sessionPlace(siteNames),
      kindFields: fc.oneof(cashFields, tournamentFields),
      game: fc.constantFrom(...GAMES),
      currency: currencyCode,
      buyIn: money(0n),
      rebuys: money(0n),
      cashOut: money(0n),
      expenses: money(0n),
      hands: optional(count(SESSION_COUNT_MAX)),
      // Ends after it starts, within the longest session, and not after "now".
      start: fc.integer({ min: EARLIEST.getTime(), max: LATEST.getTime() - MAX_SESSION_MS }),
      durationMs: fc.integer({ min: 1, max: MAX_SESSION_MS }),
      breakMinutes: count(SESSION_MAX_MINUTES),
      notes: storedText(SESSION_NOTES_MAX),
      tags: fc.uniqueArray(tag, { maxLength: SESSION_TAGS_MAX, selector: (t) => t.toLowerCase() }),
    })
    .map(({ where, kindFields, start, durationMs, ...x }) => ({
      ...where,
      ...kindFields,
      ...x,
      startedAt: new Date(start).toISOString(),
      endedAt: new Date(start + durationMs).toISOString(),
    }));
}

/** The app remembers a venue once whatever its case, so an export spells each venue one way. */
function oneSpellingPerVenue<T extends { venue: string | null }>(sessions: T[]): T[] {
  const spelling = new Map<string, string>();
  return sessions.map((x) => {
    if (x.venue === null) return x;
    const key = x.venue.toLowerCase();
    if (!spelling.has(key)) spelling.set(key, x.venue);
    return { ...x, venue: spelling.get(key)! };
  });
}

/** Valid account data as an export writes it. `min` makes every list non-empty. */
export function accountData({ min = 0 } = {}): fc.Arbitrary<AccountData> {
  return fc
    .record({
      holdings: fc.uniqueArray(holding, { minLength: min, maxLength: 5, selector: (h) => `${h.kind}:${h.name.toLowerCase()}` }),
      transfers: fc.array(
        fc.record({ type: fc.constantFrom('DEPOSIT' as const, 'WITHDRAWAL' as const), amount: money(1n), currency: currencyCode, occurredOn: day(LATEST_DAY), note: storedText(200) }),
        { minLength: min, maxLength: 5 },
      ),
      goals: fc.array(goal, { minLength: min, maxLength: 3 }),
      achievements: fc.uniqueArray(fc.record({ code: fc.constantFrom(...ACHIEVEMENT_CODES), unlockedAt: instant }), { minLength: min, maxLength: 4, selector: (a) => a.code }),
      articleReads: fc.uniqueArray(fc.record({ slug, readAt: instant }), { minLength: min, maxLength: 4, selector: (r) => r.slug }),
    })
    // Sessions name the file's own poker sites (an import refuses an unknown one), and some name
    // the file's snapshot their result went into (each snapshot at most once).
    .chain((d) => {
      const sites = d.holdings.filter((h) => h.kind === 'POKER_SITE').map((h) => h.name);
      const refs = [...new Map(d.holdings.flatMap((h) => h.snapshots.map((x) => ({ holdingKind: h.kind, holding: h.name, recordedAt: x.recordedAt }))).map((r) => [`${r.holdingKind}:${r.holding.toLowerCase()}:${r.recordedAt}`, r])).values()];
      return fc
        .tuple(fc.array(session(sites), { minLength: min, maxLength: 5 }), fc.shuffledSubarray(refs), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }))
        .map(([sessions, picked, linked]) => {
          let next = 0;
          const withRefs = sessions.map((x, i) => ({ ...x, balanceSnapshot: linked[i] && next < picked.length ? picked[next++] : null }));
          return { ...d, sessions: oneSpellingPerVenue(withRefs) };
        });
    })
    .map((d) => {
      const next = { POKER_SITE: 0, ASSET: 0 };
      return {
        profile: { email: 'player@example.com', displayCurrency: 'EUR' },
        holdings: d.holdings.map((h) => ({ ...h, position: next[h.kind]++ })),
        transfers: d.transfers,
        // One active goal at most: later "active" ones were archived.
        goals: d.goals.map((g, i) => (g.status === 'ACTIVE' && d.goals.findIndex((x) => x.status === 'ACTIVE') !== i ? { ...g, status: 'ARCHIVED' as const } : g)),
        achievements: d.achievements,
        articleReads: d.articleReads,
        sessions: d.sessions,
      };
    });
}

const at = (iso: string) => new Date(iso);
const atOrNull = (iso: string | null) => (iso ? new Date(iso) : null);

/** The plan an import of `data` must produce: the same data, instants as Date. */
export function expectedPlan(data: AccountData): ImportPlan {
  return {
    holdings: data.holdings.map((h) => ({ ...h, snapshots: h.snapshots.map((s) => ({ ...s, recordedAt: at(s.recordedAt) })) })),
    transfers: data.transfers.map((t) => ({ ...t })),
    goals: data.goals.map((g) => ({ ...g, createdAt: at(g.createdAt), completedAt: atOrNull(g.completedAt), archivedAt: atOrNull(g.archivedAt) })),
    achievements: data.achievements.map((a) => ({ code: a.code as ImportPlan['achievements'][number]['code'], unlockedAt: at(a.unlockedAt) })),
    articleReads: data.articleReads.map((r) => ({ slug: r.slug, readAt: at(r.readAt) })),
    sessions: data.sessions.map((x) => ({
      ...x,
      startedAt: at(x.startedAt),
      endedAt: at(x.endedAt),
      balanceSnapshot: x.balanceSnapshot ? { ...x.balanceSnapshot, recordedAt: at(x.balanceSnapshot.recordedAt) } : null,
    })),
  };
}

// ------------------------------------------------------------------------------ breaking it

const badNamesForImport = fc.constantFrom('x', 'N'.repeat(51), 'N'.repeat(10_000), 'ab\u0000cd', '\u200B\u200B', 'tab\there', 'line\nbreak', 'a\uD800b');
const badTimestamps = fc.constantFrom(
  '9999-01-01T00:00:00.000Z',
  '1000-01-01T00:00:00.000Z',
  '2025-06-18T00:00:00.000Z',
  '2025-02-30T00:00:00.000Z',
  '2025-01-01',
  '2025-01-01T10:00:00',
  '2025-01-01T25:00:00Z',
  'yesterday',
  SQL_PAYLOAD,
);
const badDays = fc.constantFrom('1000-01-01', '9999-12-31', '2025-02-30', '2025-13-01', '1989-12-31', '2025-1-1', 'soon', SCRIPT_PAYLOAD);

/**
 * One field to break: where it lives in the data, its JSON path and its CSV column, and
 * values it must be refused with. `set` writes the bad value into a copy of the data.
 */
interface Target {
  /** Which list must be non-empty. */
  list: 'holdings' | 'snapshots' | 'transfers' | 'goals' | 'achievements' | 'articleReads' | 'sessions';
  field: string;
  column: string;
  values: fc.Arbitrary<unknown>;
}

const TARGETS: Target[] = [
  { list: 'holdings', field: 'name', column: 'holding_name', values: badNamesForImport },
  { list: 'holdings', field: 'kind', column: 'holding_kind', values: fc.constantFrom('SITE', 'poker_site', '', SCRIPT_PAYLOAD) },
  { list: 'holdings', field: 'currency', column: 'currency', values: unknownCurrencies },
  { list: 'holdings', field: 'assetType', column: 'asset_type', values: fc.constantFrom('T'.repeat(31), 'T'.repeat(10_000), 'a\u0000b', '\u200B', 'a\u0007b') },
  { list: 'holdings', field: 'position', column: 'position', values: fc.constantFrom(-1, 1.5, 100_001, '1e3', 'first', '-0') },
  { list: 'snapshots', field: 'amount', column: 'amount', values: badAmounts },
  { list: 'snapshots', field: 'recordedAt', column: 'timestamp', values: badTimestamps },
  { list: 'snapshots', field: 'currency', column: 'currency', values: unknownCurrencies },
  { list: 'transfers', field: 'amount', column: 'amount', values: fc.oneof(badAmounts, zeroAmounts) },
  { list: 'transfers', field: 'type', column: 'type', values: fc.constantFrom('deposit', 'TRANSFER', '', SQL_PAYLOAD) },
  { list: 'transfers', field: 'currency', column: 'currency', values: unknownCurrencies },
  { list: 'transfers', field: 'occurredOn', column: 'date', values: badDays },
  { list: 'transfers', field: 'note', column: 'note', values: fc.constantFrom('n'.repeat(201), 'n'.repeat(10_000), 'a\u0000b', 'a\uDC00b') },
  { list: 'goals', field: 'targetAmount', column: 'amount', values: fc.oneof(badAmounts, zeroAmounts) },
  { list: 'goals', field: 'status', column: 'status', values: fc.constantFrom('DONE', 'active', '') },
  { list: 'goals', field: 'endDate', column: 'date', values: fc.constantFrom('2101-01-01', '2025-02-30', '1000-01-01', 'never') },
  { list: 'goals', field: 'createdAt', column: 'timestamp', values: badTimestamps },
  { list: 'achievements', field: 'code', column: 'ref', values: fc.constantFrom('NOPE', 'read_1', SCRIPT_PAYLOAD, '') },
  { list: 'achievements', field: 'unlockedAt', column: 'timestamp', values: badTimestamps },
  { list: 'articleReads', field: 'slug', column: 'ref', values: fc.constantFrom('Not A Slug', 'a--b', SQL_PAYLOAD, SCRIPT_PAYLOAD, 's'.repeat(121), '') },
  { list: 'sessions', field: 'kind', column: 'type', values: fc.constantFrom('cash', 'SNG', '', SCRIPT_PAYLOAD) },
  { list: 'sessions', field: 'game', column: 'game', values: fc.constantFrom('nlhe', 'STUD', '', SQL_PAYLOAD) },
  { list: 'sessions', field: 'buyIn', column: 'buy_in', values: badAmounts },
  { list: 'sessions', field: 'cashOut', column: 'cash_out', values: badAmounts },
  { list: 'sessions', field: 'currency', column: 'currency', values: unknownCurrencies },
  { list: 'sessions', field: 'startedAt', column: 'timestamp', values: badTimestamps },
  { list: 'sessions', field: 'hands', column: 'hands', values: fc.constantFrom(-1, 1.5, SESSION_COUNT_MAX + 1, 'many') },
  { list: 'sessions', field: 'notes', column: 'note', values: fc.constantFrom('n'.repeat(SESSION_NOTES_MAX + 1), 'a\u0000b', 'a\uDC00b') },
];

export interface Broken {
  data: AccountData;
  /** Where the JSON parser must report it: "transfers[2].amount". */
  jsonPath: string;
  /** The CSV column that must be named, and the line of the row that must be named. */
  column: string;
  csvLine: number;
}

/** Physical line (1-based) of each CSV record: quoted line breaks in earlier rows push it down. */
function physicalLines(lines: string[]): number[] {
  const starts: number[] = [];
  let line = 1;
  for (const text of lines) {
    starts.push(line);
    line += 1 + (text.match(/\r\n|\r|\n/g)?.length ?? 0);
  }
  return starts;
}

/** Valid data with exactly one field broken. */
export const brokenData: fc.Arbitrary<Broken> = fc
  .tuple(accountData({ min: 1 }).filter((d) => d.holdings.some((h) => h.snapshots.length > 0)), fc.constantFrom(...TARGETS), fc.nat(), fc.nat())
  .chain(([data, target, i, j]) => target.values.map((value) => ({ data, target, i, j, value })))
  .map(({ data, target, i, j, value }) => {
    const copy: AccountData = structuredClone(data);
    let path: string;
    if (target.list === 'snapshots') {
      const withSnapshots = copy.holdings.flatMap((h, hi) => (h.snapshots.length ? [hi] : []));
      const hi = withSnapshots[i % withSnapshots.length];
      const si = j % copy.holdings[hi].snapshots.length;
      (copy.holdings[hi].snapshots[si] as unknown as Record<string, unknown>)[target.field] = value;
      path = `holdings[${hi}].snapshots[${si}].${target.field}`;
    } else {
      const list = copy[target.list] as unknown as Record<string, unknown>[];
      const index = i % list.length;
      list[index][target.field] = value;
      path = `${target.list}[${index}].${target.field}`;
    }
    // The first CSV row that differs from the valid data's is the broken record.
    const before = csvExportLines(data);
    const after = csvExportLines(copy);
    const row = after.findIndex((line, k) => line !== before[k]);
    return { data: copy, jsonPath: path, column: target.column, csvLine: physicalLines(after)[row] };
  });
