import { describe, expect, it } from 'vitest';
import { applyMapping } from '@/lib/sessions/tracker-import/apply';
import { readDateTime, readDay, readDuration, readGame, readKind, readMoney, readStakes, readTime } from '@/lib/sessions/tracker-import/cells';
import { detectColumns, detectMapping, guessDateFormat, guessDecimalSeparator } from '@/lib/sessions/tracker-import/detect';
import { duplicateMessage, splitDuplicates } from '@/lib/sessions/tracker-import/duplicates';
import { headerSignature, mappingProblems, trackerMappingSchema, type TrackerMapping } from '@/lib/sessions/tracker-import/mapping';
import { guessDelimiter, readTrackerCsv } from '@/lib/sessions/tracker-import/table';

const NOW = new Date('2026-06-01T12:00:00Z');

const table = (csv: string) => {
  const r = readTrackerCsv(csv);
  if (!r.ok) throw new Error(r.error);
  return r.table;
};

describe('detection', () => {
  it('maps the header names other trackers use, each field to one column', () => {
    expect(detectColumns(['Date', 'Start Time', 'End Time', 'Location', 'Game', 'Blinds', 'Buy-In', 'Cash Out', 'Notes', 'Mystery'])).toEqual([
      'date',
      'start',
      'end',
      'venue',
      'game',
      'stakes',
      'buyIn',
      'cashOut',
      'notes',
      null,
    ]);
    expect(detectColumns(['Venue', 'Casino', 'Profit', 'Duration (min)', 'Type', 'Currency', 'Tags'])).toEqual(['venue', null, 'profit', 'duration', 'kind', 'currency', 'tags']);
  });

  it('guesses the date order and the decimal separator from the first rows', () => {
    expect(guessDateFormat(['2026-03-14 19:30', '2026-03-15'])).toBe('YYYY-MM-DD');
    expect(guessDateFormat(['14/03/2026', '02/04/2026'])).toBe('DD/MM/YYYY');
    expect(guessDateFormat(['03/14/2026', '04/02/2026'])).toBe('MM/DD/YYYY');
    expect(guessDateFormat(['19:30'])).toBe('YYYY-MM-DD');
    expect(guessDecimalSeparator(['12,50', '100'])).toBe(',');
    expect(guessDecimalSeparator(['1,200.50', '100'])).toBe('.');
  });

  it('reads hours from a duration header that says so', () => {
    expect(detectMapping(['Date', 'Hours', 'Profit', 'Place'], [['2026-01-01', '4.5', '10', 'Aria']], { currency: 'EUR' })).toMatchObject({ durationUnit: 'hours', defaultCurrency: 'EUR', columns: ['date', 'duration', 'profit', 'venue'] });
  });

  it('guesses the delimiter and gives the same signature whatever the case and spacing', () => {
    expect(guessDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(guessDelimiter('a\tb\n')).toBe('\t');
    expect(guessDelimiter('"a;b",c')).toBe(',');
    expect(headerSignature(['Date', 'Buy-In'])).toBe(headerSignature([' date ', 'buy in']));
    expect(headerSignature(['Date', 'Buy-In'])).not.toBe(headerSignature(['Date', 'Cash out']));
  });
});

describe('cells', () => {
  it('reads dates in each format, with or without a time, and refuses days that do not exist', () => {
    expect(readDay('14/03/2026', 'DD/MM/YYYY')).toBe('2026-03-14');
    expect(readDay('3/4/2026', 'MM/DD/YYYY')).toBe('2026-03-04');
    expect(readDay('31/02/2026', 'DD/MM/YYYY')).toBeNull();
    expect(readDay('2026-03-14', 'DD/MM/YYYY')).toBeNull();
    expect(readDateTime('2026-03-14T19:30:00Z', 'YYYY-MM-DD')).toEqual({ day: '2026-03-14', time: '19:30' });
    expect(readDateTime('03/14/2026 7:05 pm', 'MM/DD/YYYY')).toEqual({ day: '2026-03-14', time: '19:05' });
    expect(readTime('12:00 AM')).toBe('00:00');
    expect(readTime('24:00')).toBeNull();
  });

  it('reads money exactly, with currency marks, separators and accounting negatives', () => {
    expect(readMoney('$1,234.50', '.')).toBe('1234.50');
    expect(readMoney('1.234,50 €', ',')).toBe('1234.50');
    expect(readMoney('(45)', '.')).toBe('-45');
    expect(readMoney('-0', '.')).toBe('0');
    expect(readMoney('12,5', '.')).toBeNull();
    expect(readMoney('abc', '.')).toBeNull();
  });

  it('reads stakes, kinds, games, durations', () => {
    expect(readStakes('$1/$2', '.')).toEqual({ small: '1', big: '2' });
    expect(readStakes('NL 0.50/1/2', '.')).toEqual({ small: '0.50', big: '1' });
    expect(readStakes('100', '.')).toBeNull();
    expect([readKind('Cash Game'), readKind('MTT'), readKind('Sit & Go'), readKind('bingo')]).toEqual(['CASH', 'TOURNAMENT', 'TOURNAMENT', null]);
    expect([readGame("No Limit Hold'em"), readGame('PLO'), readGame('5 Card PLO'), readGame('Limit Holdem'), readGame('HORSE'), readGame('Razz')]).toEqual(['NLHE', 'PLO', 'PLO5', 'LHE', 'MIXED', 'OTHER']);
    expect([readDuration('240', 'minutes'), readDuration('4,5', 'hours'), readDuration('4:30', 'minutes'), readDuration('4h 30m', 'minutes'), readDuration('soon', 'minutes')]).toEqual([240, 270, 270, 270, null]);
  });
});

const mapping = (columns: TrackerMapping['columns'], over: Partial<TrackerMapping> = {}): TrackerMapping => ({
  columns,
  dateFormat: 'DD/MM/YYYY',
  durationUnit: 'minutes',
  decimalSeparator: '.',
  defaultCurrency: 'USD',
  defaultKind: 'CASH',
  defaultGame: 'NLHE',
  ...over,
});

describe('applying a mapping', () => {
  const sites = [{ id: 'site1', name: 'PokerStars' }];

  it('turns rows into session inputs: overnight end times, sites by name, venues by name, exact money', () => {
    const t = table('Date,Start,End,Where,Stakes,Buy-in,Cash out,Tags\n14/03/2026,22:00,02:30,pokerstars,0.5/1,100.10,250.35,"online, deep"\n15/03/2026,19:00,23:00,Aria,1/2,200,150,\n');
    const r = applyMapping(t, mapping(['date', 'start', 'end', 'venue', 'stakes', 'buyIn', 'cashOut', 'tags']), { now: NOW, sites });
    expect(r.problems).toEqual([]);
    const [a, b] = r.sessions;
    expect(a.line).toBe(2);
    expect(a.input.venue).toEqual({ siteId: 'site1' });
    expect(a.input.startedAt.toISOString()).toBe('2026-03-14T22:00:00.000Z');
    expect(a.input.endedAt.toISOString()).toBe('2026-03-15T02:30:00.000Z');
    expect([a.input.smallBlind?.toFixed(2), a.input.bigBlind?.toFixed(2), a.input.buyIn.toFixed(2), a.input.cashOut.toFixed(2)]).toEqual(['0.50', '1.00', '100.10', '250.35']);
    expect(a.input.tags).toEqual(['online', 'deep']);
    expect(b.input.venue).toEqual({ newVenue: 'Aria' });
    expect(a.key).toBe('2026-03-14T22:00:00.000Z|pokerstars|150.25 USD');
  });

  it('makes buy-in and cash-out from a profit column alone, and a duration in hours', () => {
    const t = table('Date,Hours,Profit,Location,Type,Game,Currency\n2026-03-14 19:00,2.5,-45.50,Home,Tournament,PLO,EUR\n2026-03-15 19:00,1,80,Home,,,\n');
    const r = applyMapping(t, mapping(['date', 'duration', 'profit', 'venue', 'kind', 'game', 'currency'], { dateFormat: 'YYYY-MM-DD', durationUnit: 'hours' }), { now: NOW, sites });
    // Blank cells take the mapping's defaults: line 3 is a cash game, which needs its stakes.
    expect(r.problems).toEqual([{ line: 3, message: 'line 3: Stakes (e.g. 1/2): Enter the big blind of the cash game' }]);
    const [loss] = r.sessions.map((s) => s.input);
    expect(r.sessions.map((s) => s.line)).toEqual([2]);
    expect([loss.kind, loss.game, loss.currency, loss.buyIn.toString(), loss.cashOut.toString()]).toEqual(['TOURNAMENT', 'PLO', 'EUR', '45.5', '0']);
    expect(loss.endedAt.getTime() - loss.startedAt.getTime()).toBe(150 * 60_000);
  });

  it('names the line and the column of each bad cell, and checks a profit against buy-in and cash-out', () => {
    const t = table('Date,Start,Duration,Where,Stakes,Buy-in,Cash out,Profit\n31/02/2026,20:00,60,Aria,1/2,100,150,50\n01/03/2026,20:00,soon,Aria,1/2,100,150,50\n02/03/2026,20:00,60,,1/2,abc,150,50\n03/03/2026,20:00,60,Aria,1/2,100,150,40\n01/01/2099,20:00,60,Aria,1/2,100,150,50\n');
    const r = applyMapping(t, mapping(['date', 'start', 'duration', 'venue', 'stakes', 'buyIn', 'cashOut', 'profit']), { now: NOW, sites });
    expect(r.sessions).toEqual([]);
    expect(r.problems.map((p) => p.message)).toEqual([
      'line 2: "Date" "31/02/2026" is not a date in the format DD/MM/YYYY',
      'line 3: "Duration" "soon" is not a duration in minutes',
      'line 4: "Buy-in" "abc" is not an amount (decimal separator ".")',
      'line 5: "Profit" 40 does not match cash-out − buy-in (50)',
      'line 6: "Start": The start cannot be in the future',
    ]);
  });

  it('reports an empty place with the form\'s message', () => {
    const t = table('Date,Duration,Where,Stakes,Profit\n01/03/2026 20:00,60,,1/2,5\n');
    const r = applyMapping(t, mapping(['date', 'duration', 'venue', 'stakes', 'profit']), { now: NOW, sites });
    expect(r.problems.map((p) => p.message)).toEqual(['line 2: "Where": Name the live venue']);
  });
});

describe('mapping rules', () => {
  it('needs a start, a length, a result and a place before any row is read', () => {
    expect(mappingProblems({ columns: ['notes'] })).toHaveLength(4);
    expect(mappingProblems({ columns: ['date', 'duration', 'profit', 'venue'] })).toEqual([]);
    expect(mappingProblems({ columns: ['start', 'end', 'buyIn', 'venue'] })).toEqual(['Map "Buy-in" and "Cash-out", or "Profit": a session needs its result.']);
  });

  it('refuses a field fed by two columns and an unknown field (a tampered saved mapping)', () => {
    const ok = mapping(['date', 'profit']);
    expect(trackerMappingSchema.safeParse(ok).success).toBe(true);
    expect(trackerMappingSchema.safeParse({ ...ok, columns: ['date', 'date'] }).success).toBe(false);
    expect(trackerMappingSchema.safeParse({ ...ok, columns: ['date', 'password'] }).success).toBe(false);
    expect(trackerMappingSchema.safeParse({ ...ok, defaultCurrency: 'XXX' }).success).toBe(false);
  });
});

describe('duplicates', () => {
  it('keeps the first of each key and reports the rest with the line they repeat', () => {
    const rows = [
      { line: 2, key: 'a' },
      { line: 3, key: 'b' },
      { line: 4, key: 'a' },
      { line: 5, key: 'saved' },
    ];
    const { fresh, duplicates } = splitDuplicates(rows, new Set(['saved']));
    expect(fresh.map((r) => r.line)).toEqual([2, 3]);
    expect(duplicates).toEqual([
      { line: 4, repeatsLine: 2 },
      { line: 5, repeatsLine: null },
    ]);
    expect(duplicateMessage(duplicates[0])).toContain('line 4');
  });
});

describe('reading the file', () => {
  it('answers a clear message for an empty, header-only or malformed file', () => {
    expect(readTrackerCsv('')).toEqual({ ok: false, error: expect.stringContaining('empty') });
    expect(readTrackerCsv('Date,Profit\n')).toEqual({ ok: false, error: expect.stringContaining('no sessions') });
    expect(readTrackerCsv('Date,Profit\n"2026')).toEqual({ ok: false, error: expect.stringContaining('line 2') });
  });

  it('reads semicolon files and keeps each row\'s line (quoted cells may span lines)', () => {
    const t = table('Date;Notes\n01/03/2026;"two\nlines"\n02/03/2026;x\n');
    expect(t.header).toEqual(['Date', 'Notes']);
    expect(t.rows.map((r) => r.line)).toEqual([2, 4]);
  });
});
