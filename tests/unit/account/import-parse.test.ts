import { describe, expect, it } from 'vitest';
import { csvExportLines, toCsvExport, toJsonExport, type AccountData } from '@/lib/account/export-format';
import { detectFormat, MAX_REPORTED_ERRORS, parseCsvImport, parseJsonImport, planCounts, type ImportPlan } from '@/lib/account/import-parse';

const NOW = new Date('2025-06-15T12:00:00.000Z');

const sample: AccountData = {
  profile: { email: 'me@example.com', displayCurrency: 'EUR' },
  holdings: [
    {
      kind: 'POKER_SITE',
      name: 'PokerStars',
      assetType: null,
      currency: 'USD',
      position: 0,
      snapshots: [
        { amount: '100.00', currency: 'USD', recordedAt: '2025-01-01T20:00:00.000Z' },
        { amount: '0.00', currency: 'USD', recordedAt: '2025-01-02T20:00:00.000Z' },
      ],
    },
    { kind: 'POKER_SITE', name: '=cmd|"/c calc"!A1', assetType: null, currency: 'GBP', position: 1, snapshots: [] },
    { kind: 'ASSET', name: 'Cash, "under the mattress"', assetType: 'Cash', currency: 'EUR', position: 0, snapshots: [{ amount: '999999999999.99', currency: 'EUR', recordedAt: '2025-03-01T00:00:00.000Z' }] },
  ],
  transfers: [
    { type: 'DEPOSIT', amount: '250.50', currency: 'USD', occurredOn: '2025-01-01', note: 'first\nline two' },
    { type: 'WITHDRAWAL', amount: '0.01', currency: 'JPY', occurredOn: '2025-02-01', note: null },
  ],
  goals: [
    { type: 'BANKROLL', targetAmount: '5000.00', currency: 'EUR', endDate: '2026-01-01', status: 'ACTIVE', createdAt: '2025-01-05T10:00:00.000Z', completedAt: null, archivedAt: null },
    { type: 'PROFIT', targetAmount: '100.00', currency: 'USD', endDate: null, status: 'COMPLETED', createdAt: '2024-12-01T10:00:00.000Z', completedAt: '2024-12-20T10:00:00.000Z', archivedAt: null },
  ],
  achievements: [{ code: 'BANKROLL_1K', unlockedAt: '2025-01-01T20:00:00.000Z' }],
  articleReads: [{ slug: 'plo-bankroll-requirements', readAt: '2025-02-02T08:00:00.000Z' }],
  sessions: [
    {
      kind: 'CASH',
      game: 'NLHE',
      site: 'PokerStars',
      venue: null,
      currency: 'USD',
      smallBlind: '0.50',
      bigBlind: '1.00',
      buyIn: '100.00',
      fee: '0.00',
      reEntries: 0,
      rebuys: '50.00',
      cashOut: '212.34',
      expenses: '0.00',
      place: null,
      fieldSize: null,
      hands: 412,
      startedAt: '2025-01-03T18:00:00.000Z',
      endedAt: '2025-01-03T21:30:00.000Z',
      breakMinutes: 15,
      notes: 'deep, "loose" table',
      tags: ['evening', 'zoom'],
      balanceSnapshot: null,
    },
    {
      kind: 'TOURNAMENT',
      game: 'PLO',
      site: null,
      venue: '=Aria',
      currency: 'EUR',
      smallBlind: null,
      bigBlind: null,
      buyIn: '100.00',
      fee: '10.00',
      reEntries: 2,
      rebuys: '0.00',
      cashOut: '0.00',
      expenses: '12.50',
      place: 40,
      fieldSize: 120,
      hands: null,
      startedAt: '2025-02-03T12:00:00.000Z',
      endedAt: '2025-02-03T18:00:00.000Z',
      breakMinutes: 0,
      notes: null,
      tags: [],
      // A live session ended into a cash asset: the asset's snapshot it wrote.
      balanceSnapshot: { holdingKind: 'ASSET', holding: 'Cash, "under the mattress"', recordedAt: '2025-03-01T00:00:00.000Z' },
    },
  ],
};

/** The plan an import of `sample` must produce (dates as Date, everything else as exported). */
const expectedPlan: ImportPlan = {
  holdings: sample.holdings.map((h) => ({ ...h, snapshots: h.snapshots.map((s) => ({ ...s, recordedAt: new Date(s.recordedAt) })) })),
  transfers: sample.transfers,
  goals: sample.goals.map((g) => ({
    ...g,
    createdAt: new Date(g.createdAt),
    completedAt: g.completedAt ? new Date(g.completedAt) : null,
    archivedAt: g.archivedAt ? new Date(g.archivedAt) : null,
  })),
  achievements: [{ code: 'BANKROLL_1K', unlockedAt: new Date('2025-01-01T20:00:00.000Z') }],
  articleReads: [{ slug: 'plo-bankroll-requirements', readAt: new Date('2025-02-02T08:00:00.000Z') }],
  sessions: sample.sessions.map((x) => ({
    ...x,
    startedAt: new Date(x.startedAt),
    endedAt: new Date(x.endedAt),
    balanceSnapshot: x.balanceSnapshot ? { ...x.balanceSnapshot, recordedAt: new Date(x.balanceSnapshot.recordedAt) } : null,
  })),
};

const HEADER = 'record,holding_kind,holding_name,asset_type,position,type,status,amount,currency,date,timestamp,completed_at,archived_at,note,ref';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n');
const transferRow = (amount: string, currency = 'USD', date = '2025-01-01') => `transfer,,,,,DEPOSIT,,${amount},${currency},${date},,,,,`;
const errorsOf = (result: ReturnType<typeof parseCsvImport>) => (result.ok ? [] : result.errors);

describe('round trip', () => {
  it('JSON export parses back to the same data', () => {
    expect(parseJsonImport(toJsonExport(sample, NOW), NOW)).toEqual({ ok: true, plan: expectedPlan });
  });

  it('CSV export parses back to the same data, formula-looking names included', () => {
    expect(parseCsvImport(toCsvExport(sample), NOW)).toEqual({ ok: true, plan: expectedPlan });
  });

  it('the CSV export guards formula cells and quotes commas', () => {
    const lines = csvExportLines(sample);
    // Files from before play sessions (HEADER alone) still import; exports add the session columns.
    expect(lines[0]).toBe(`${HEADER},game,site,venue,small_blind,big_blind,buy_in,fee,re_entries,rebuys,cash_out,expenses,place,field_size,hands,ended_at,break_minutes,tags,snapshot_at`);
    expect(lines.find((l) => l.includes('Aria'))).toContain(",'=Aria,");
    expect(lines.find((l) => l.includes('cmd'))).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(lines.some((l) => l.includes('"Cash, ""under the mattress"""'))).toBe(true);
    expect(toCsvExport(sample).startsWith('\uFEFFrecord,')).toBe(true);
  });

  it('counts what a plan holds', () => {
    expect(planCounts(expectedPlan)).toEqual({ holdings: 3, snapshots: 3, transfers: 2, goals: 2, achievements: 1, articleReads: 1, sessions: 2 });
  });
});

describe('session rows', () => {
  it('are refused with their line when they break the session rules, and nothing is planned', () => {
    const lines = csvExportLines(sample);
    const cashRow = lines.findIndex((l) => l.startsWith('session,') && l.includes('PokerStars'));
    const broken = [...lines];
    broken[cashRow] = broken[cashRow].replace('2025-01-03T21:30:00.000Z', '2025-01-03T17:00:00.000Z');
    // Physical line numbers: a quoted note with a line break spans two.
    const line = broken.slice(0, cashRow).join('\r\n').split('\n').length + 1;
    expect(errorsOf(parseCsvImport(broken.join('\r\n'), NOW))).toEqual([`line ${line}: the session ends before it starts`]);
    const doc = JSON.parse(toJsonExport(sample, NOW));
    doc.sessions[1].kind = 'CASH';
    doc.sessions[0].cashOut = '-1';
    expect(errorsOf(parseJsonImport(JSON.stringify(doc), NOW))).toEqual(['sessions[0].cashOut cannot be negative']);
    doc.sessions[0].cashOut = '1';
    expect(errorsOf(parseJsonImport(JSON.stringify(doc), NOW))).toEqual(['sessions[1] is a cash game without a big blind']);
  });
  it("name the balance snapshot their result went into: one of the file's, each at most once", () => {
    const doc = JSON.parse(toJsonExport(sample, NOW));
    // Files from before the link: no balanceSnapshot at all.
    delete doc.sessions[1].balanceSnapshot;
    expect(parseJsonImport(JSON.stringify(doc), NOW)).toMatchObject({ ok: true, plan: { sessions: [{ balanceSnapshot: null }, { balanceSnapshot: null }] } });
    const ref = { holdingKind: 'POKER_SITE', holding: 'pokerstars', recordedAt: '2025-01-02T20:00:00.000Z' };
    doc.sessions[0].balanceSnapshot = ref;
    doc.sessions[1].balanceSnapshot = ref;
    expect(errorsOf(parseJsonImport(JSON.stringify(doc), NOW))).toEqual(['sessions[1].balanceSnapshot names the same balance snapshot as session 1']);
    doc.sessions[1].balanceSnapshot = { ...ref, recordedAt: '2025-01-02T20:00:00.001Z' };
    expect(errorsOf(parseJsonImport(JSON.stringify(doc), NOW))).toEqual([
      'sessions[1].balanceSnapshot names a balance snapshot (poker site "pokerstars" at 2025-01-02T20:00:00.001Z) that is not in the file',
    ]);

    const lines = csvExportLines(sample);
    const liveRow = lines.findIndex((l) => l.startsWith('session,') && l.includes('Aria'));
    const line = lines.slice(0, liveRow).join('\r\n').split('\n').length + 1;
    const partial = [...lines];
    partial[liveRow] = partial[liveRow].replace(/,2025-03-01T00:00:00\.000Z$/, ',');
    expect(errorsOf(parseCsvImport(partial.join('\r\n'), NOW))).toEqual([`line ${line}: the session names part of a balance snapshot (holding_kind, holding_name and snapshot_at go together)`]);
    const unknown = [...lines];
    unknown[liveRow] = unknown[liveRow].replace(/,2025-03-01T00:00:00\.000Z$/, ',2025-03-02T00:00:00.000Z');
    expect(errorsOf(parseCsvImport(unknown.join('\r\n'), NOW))[0]).toMatch(new RegExp(`^line ${line}: the session names a balance snapshot \\(asset `));
  });
});

describe('CSV validation', () => {
  it('accepts LF line ends, no BOM, columns in any order and only the columns in use', () => {
    const result = parseCsvImport('amount,record,currency,date,type\n12.5,transfer,eur,2025-01-01,WITHDRAWAL\n', NOW);
    expect(result).toEqual({
      ok: true,
      plan: { holdings: [], goals: [], achievements: [], articleReads: [], sessions: [], transfers: [{ type: 'WITHDRAWAL', amount: '12.50', currency: 'EUR', occurredOn: '2025-01-01', note: null }] },
    });
  });

  it('rejects amounts with 3 decimals, zero transfers and negative amounts, naming the line', () => {
    const result = parseCsvImport(csv(transferRow('1.234'), transferRow('0'), transferRow('-5'), transferRow('"1,000.00"')), NOW);
    expect(errorsOf(result)).toEqual([
      'line 2: amount can have at most 2 decimal places',
      'line 3: amount must be greater than 0',
      'line 4: amount cannot be negative',
    ]);
  });

  it('rejects unknown currencies and impossible or future dates', () => {
    const result = parseCsvImport(csv(transferRow('1', 'XYZ'), transferRow('1', 'USD', '2025-02-30'), transferRow('1', 'USD', '31/01/2025'), transferRow('1', 'USD', '2030-01-01')), NOW);
    const errors = errorsOf(result);
    expect(errors[0]).toMatch(/^line 2: currency "XYZ" is not a supported currency/);
    expect(errors[1]).toBe('line 3: date must be a date like 2025-03-31');
    expect(errors[2]).toBe('line 4: date must be a date like 2025-03-31');
    expect(errors[3]).toBe('line 5: date must be between 2000-01-01 and 2025-06-15');
  });

  it('reports missing, unknown and duplicate columns once, on the header line', () => {
    expect(errorsOf(parseCsvImport('record,amount,currency\ntransfer,1,USD\ntransfer,2,USD', NOW))).toEqual([
      'line 1: missing column "type" (needed by transfer rows)',
      'line 1: missing column "date" (needed by transfer rows)',
    ]);
    expect(errorsOf(parseCsvImport('record,amount,amount,colour\n', NOW))).toEqual([
      'line 1: column "amount" appears twice',
      expect.stringMatching(/^line 1: unknown column "colour"/),
    ]);
    expect(errorsOf(parseCsvImport('', NOW))).toEqual(['The file is empty: expected a header row and one row per record.']);
  });

  it('rejects a 10,000-character name without echoing it back', () => {
    const long = 'x'.repeat(10_000);
    const errors = errorsOf(parseCsvImport(csv(`holding,POKER_SITE,${long},,0,,,,USD,,,,,,`), NOW));
    expect(errors).toEqual(['line 2: holding_name must be at most 50 characters (found 10000)']);
  });

  it('counts lines across quoted line breaks', () => {
    const errors = errorsOf(parseCsvImport(csv('transfer,,,,,DEPOSIT,,5,USD,2025-01-01,,,,"a\r\nb",', transferRow('0')), NOW));
    expect(errors).toEqual(['line 4: amount must be greater than 0']);
  });

  it('needs a holding row for every snapshot and one row per holding', () => {
    const errors = errorsOf(
      parseCsvImport(
        csv(
          'snapshot,POKER_SITE,Ghost,,,,,10.00,USD,,2025-01-01T00:00:00.000Z,,,,',
          'holding,POKER_SITE,Stars,,,,,,USD,,,,,,',
          'holding,POKER_SITE,stars,,,,,,USD,,,,,,',
        ),
        NOW,
      ),
    );
    expect(errors).toEqual(['line 2: no holding row for poker site "Ghost" (add a "holding" row for it)', 'line 4: poker site "stars" appears twice (first at line 3)']);
  });

  it('allows one active goal only', () => {
    const goal = 'goal,,,,,BANKROLL,ACTIVE,100,USD,,,,,,';
    expect(errorsOf(parseCsvImport(csv(goal, goal), NOW))).toEqual(['line 3: only one goal can be ACTIVE (another is at line 2)']);
  });

  it('rejects unknown record kinds and rows longer than the header', () => {
    expect(errorsOf(parseCsvImport(csv('bet,,,,,,,,,,,,,,', `${transferRow('1')},extra`), NOW))).toEqual([
      'line 2: record must be one of profile, holding, snapshot, transfer, goal, achievement, read, session',
      'line 3: 16 cells but the header has 15 columns',
    ]);
  });

  it('reports an unclosed quote', () => {
    expect(errorsOf(parseCsvImport(csv('transfer,"oops'), NOW))).toEqual(['line 2: a quoted cell is never closed']);
  });

  it('stops listing after MAX_REPORTED_ERRORS and says how many more', () => {
    const rows = Array.from({ length: MAX_REPORTED_ERRORS + 7 }, () => transferRow('0'));
    const errors = errorsOf(parseCsvImport(csv(...rows), NOW));
    expect(errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(errors.at(-1)).toBe('…and 7 more errors');
  });

  it('gives positions to holdings without one, after the others of their kind', () => {
    const result = parseCsvImport(csv('holding,ASSET,Cash,,3,,,,USD,,,,,,', 'holding,ASSET,Crypto,,,,,,USD,,,,,,', 'holding,POKER_SITE,Stars,,,,,,USD,,,,,,'), NOW);
    expect(result.ok && result.plan.holdings.map((h) => [h.name, h.position])).toEqual([
      ['Cash', 3],
      ['Crypto', 4],
      ['Stars', 0],
    ]);
  });
});

describe('JSON validation', () => {
  const doc = (extra: object) => JSON.stringify({ format: 'stakeeasy-export', version: 1, ...extra });

  it('names the JSON path of each problem', () => {
    const result = parseJsonImport(
      doc({
        holdings: [{ kind: 'POKER_SITE', name: 'S', currency: 'usd', snapshots: [{ amount: '1.005', currency: 'USD', recordedAt: 'yesterday' }] }],
        transfers: [{ type: 'DEPOSIT', amount: 0, currency: 'USD', occurredOn: '2025-01-01' }],
        goals: 'none',
      }),
      NOW,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        'holdings[0].name must be at least 2 characters',
        'holdings[0].snapshots[0].amount can have at most 2 decimal places',
        'holdings[0].snapshots[0].recordedAt must be a date and time like 2025-03-31T18:30:00.000Z',
        'transfers[0].amount must be greater than 0',
        'goals must be a list',
      ],
    });
  });

  it('accepts short JSON numbers as amounts but not ones that would be rounded', () => {
    const parse = (amount: unknown) => parseJsonImport(doc({ transfers: [{ type: 'DEPOSIT', amount, currency: 'USD', occurredOn: '2025-01-01' }] }), NOW);
    expect(parse(12.5)).toMatchObject({ ok: true, plan: { transfers: [{ amount: '12.50' }] } });
    expect(parse(1e21)).toEqual({ ok: false, errors: ['transfers[0].amount must be a number like 1234.50'] });
    expect(parse(0.125)).toEqual({ ok: false, errors: ['transfers[0].amount can have at most 2 decimal places'] });
  });

  it('rejects files that are not StakeEasy exports, or not JSON at all', () => {
    expect(parseJsonImport('{"holdings": []}', NOW)).toEqual({
      ok: false,
      errors: ['format must be "stakeeasy-export" (is this a StakeEasy JSON export?)', 'version must be 1 (this file comes from a newer or unknown version)'],
    });
    const broken = parseJsonImport('{"format": ', NOW);
    expect(broken.ok).toBe(false);
    expect(errorsOf(broken)[0]).toMatch(/^The file is not valid JSON/);
    expect(errorsOf(parseJsonImport('[]', NOW))).toEqual(['the document must be an object']);
  });

  it('accepts a BOM, and missing optional parts', () => {
    expect(parseJsonImport(`\uFEFF${doc({})}`, NOW)).toEqual({ ok: true, plan: { holdings: [], transfers: [], goals: [], achievements: [], articleReads: [], sessions: [] } });
  });

  it('rejects unknown achievement codes and bad slugs', () => {
    const result = parseJsonImport(
      doc({ achievements: [{ code: 'CHEATER', unlockedAt: '2025-01-01T00:00:00Z' }], articleReads: [{ slug: '../etc/passwd', readAt: '2025-01-01T00:00:00Z' }] }),
      NOW,
    );
    expect(errorsOf(result)).toEqual([
      expect.stringMatching(/^achievements\[0\]\.code must be one of STREAK_3/),
      'articleReads[0].slug must be an article slug like how-to-track-deposits',
    ]);
  });
});

describe('detectFormat', () => {
  it('uses the extension, then the content', () => {
    expect(detectFormat('backup.JSON', 'record')).toBe('json');
    expect(detectFormat('backup.csv', '{')).toBe('csv');
    expect(detectFormat('backup', '\uFEFF  {"a":1}')).toBe('json');
    expect(detectFormat('backup', 'record,amount')).toBe('csv');
  });
});
