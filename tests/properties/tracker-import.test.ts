// Properties of the tracker CSV mapping. The CSV is written here by hand (every data cell
// quoted, money from integer cents, dates from a UTC Date), independently of the reader, so
// each property compares two implementations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMapping } from '@/lib/sessions/tracker-import/apply';
import { DATE_FORMATS, type DateFormat, type DecimalSeparator } from '@/lib/sessions/tracker-import/fields';
import type { TrackerMapping } from '@/lib/sessions/tracker-import/mapping';
import { readTrackerCsv } from '@/lib/sessions/tracker-import/table';
import { SESSION_MAX_MINUTES } from '@/lib/fields/limits';
import { PAYLOADS, RUNS } from './support';

const NOW = new Date('2026-06-01T12:00:00Z');
const MINUTE = 60_000;
const FIRST = Date.UTC(2001, 0, 1) / MINUTE;
const LAST = NOW.getTime() / MINUTE - SESSION_MAX_MINUTES;

interface Generated {
  start: Date;
  minutes: number;
  place: string;
  sbCents: number;
  bbCents: number;
  buyInCents: number;
  cashOutCents: number;
  notes: string;
}

const placeName = fc.oneof(fc.stringMatching(/^[A-Z][a-z]{1,12}(?: [A-Z][a-z]{1,12}){0,2}$/), fc.constantFrom(...PAYLOADS.filter((p) => p.trim() === p && !/\s{2}/.test(p))));

const session: fc.Arbitrary<Generated> = fc
  .record({
    startMinute: fc.integer({ min: FIRST, max: LAST }),
    minutes: fc.integer({ min: 1, max: SESSION_MAX_MINUTES }),
    place: placeName,
    sbCents: fc.integer({ min: 1, max: 50_000 }),
    bbExtra: fc.integer({ min: 0, max: 50_000 }),
    buyInCents: fc.integer({ min: 0, max: 10_000_000_00 }),
    cashOutCents: fc.integer({ min: 0, max: 10_000_000_00 }),
    notes: fc.oneof(fc.constant(''), fc.constantFrom(...PAYLOADS), fc.stringMatching(/^[a-z ,;"]{1,40}$/).map((s) => s.trim())),
  })
  .map(({ startMinute, bbExtra, sbCents, ...r }) => ({ ...r, start: new Date(startMinute * MINUTE), sbCents, bbCents: sbCents + bbExtra }));

const pad = (n: number) => String(n).padStart(2, '0');

function writeDate(d: Date, format: DateFormat): string {
  const [y, m, day] = [d.getUTCFullYear(), pad(d.getUTCMonth() + 1), pad(d.getUTCDate())];
  const date = format === 'YYYY-MM-DD' ? `${y}-${m}-${day}` : format === 'DD/MM/YYYY' ? `${day}/${m}/${y}` : `${m}/${day}/${y}`;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Integer cents as the file writes them, optionally with thousands grouping. */
function writeMoney(cents: number, decimal: DecimalSeparator, grouped: boolean): string {
  const whole = String(Math.floor(cents / 100));
  const group = decimal === '.' ? ',' : '.';
  const w = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, group) : whole;
  return `${w}${decimal}${pad(cents % 100)}`;
}

const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
const centsOf = (d: { toFixed(n: number): string }) => Math.round(Number(d.toFixed(2)) * 100);

interface Style {
  format: DateFormat;
  decimal: DecimalSeparator;
  grouped: boolean;
  delimiter: ',' | ';';
  endColumn: boolean;
}

const style: fc.Arbitrary<Style> = fc.record({
  format: fc.constantFrom(...DATE_FORMATS),
  decimal: fc.constantFrom<DecimalSeparator>('.', ','),
  grouped: fc.boolean(),
  delimiter: fc.constantFrom<',' | ';'>(',', ';'),
  endColumn: fc.boolean(),
});

const HEADER = ['Start', 'Length', 'Venue', 'Blinds', 'Buy-in', 'Cash out', 'Notes'];

function cellsOf(r: Generated, s: Style): string[] {
  return [
    writeDate(r.start, s.format),
    s.endColumn ? writeDate(new Date(r.start.getTime() + r.minutes * MINUTE), s.format) : String(r.minutes),
    r.place,
    `${writeMoney(r.sbCents, s.decimal, false)}/${writeMoney(r.bbCents, s.decimal, false)}`,
    writeMoney(r.buyInCents, s.decimal, s.grouped),
    writeMoney(r.cashOutCents, s.decimal, s.grouped),
    r.notes,
  ];
}

function render(rows: Generated[], s: Style, cells: (r: Generated, i: number) => string[] = (r) => cellsOf(r, s)): string {
  const header = s.endColumn ? HEADER.map((h) => (h === 'Length' ? 'End' : h)) : HEADER;
  return [header.join(s.delimiter), ...rows.map((r, i) => cells(r, i).map(quote).join(s.delimiter))].join('\r\n');
}

const mappingFor = (s: Style): TrackerMapping => ({
  columns: ['start', s.endColumn ? 'end' : 'duration', 'venue', 'stakes', 'buyIn', 'cashOut', 'notes'],
  dateFormat: s.format,
  durationUnit: 'minutes',
  decimalSeparator: s.decimal,
  defaultCurrency: 'USD',
  defaultKind: 'CASH',
  defaultGame: 'NLHE',
});

function run(csv: string, s: Style) {
  const read = readTrackerCsv(csv);
  if (!read.ok) throw new Error(read.error);
  return applyMapping(read.table, mappingFor(s), { now: NOW, sites: [] });
}

describe('the tracker CSV mapping', () => {
  it('maps any valid session, written in any supported format, back to the same session', () => {
    fc.assert(
      fc.property(fc.array(session, { minLength: 1, maxLength: 5 }), style, (rows, s) => {
        const result = run(render(rows, s), s);
        expect(result.problems).toEqual([]);
        expect(result.sessions.map((m) => m.line)).toEqual(rows.map((_, i) => i + 2));
        result.sessions.forEach(({ input }, i) => {
          const r = rows[i];
          expect(input.startedAt.getTime()).toBe(r.start.getTime());
          expect(input.endedAt.getTime() - input.startedAt.getTime()).toBe(r.minutes * MINUTE);
          expect(input.venue).toEqual({ newVenue: r.place });
          expect([centsOf(input.smallBlind!), centsOf(input.bigBlind!), centsOf(input.buyIn), centsOf(input.cashOut)]).toEqual([r.sbCents, r.bbCents, r.buyInCents, r.cashOutCents]);
          expect(input.notes).toBe(r.notes || null);
          expect([input.kind, input.game, input.currency]).toEqual(['CASH', 'NLHE', 'USD']);
        });
      }),
      RUNS,
    );
  });

  const BAD_CELLS: Record<number, readonly string[]> = {
    0: ['yesterday', '31/02/2020 10:00', '2020-13-01 10:00', '10:61', ''],
    1: ['soon', '-5', '0', String(SESSION_MAX_MINUTES + 1)],
    4: ['abc', '-5', '1.2345', '12..5', ''],
    5: ['lots', '-1', '1e5', ''],
  };

  it('reports any bad cell on its own line, naming its column, and maps nothing from the file', () => {
    fc.assert(
      fc.property(
        fc.array(session, { minLength: 1, maxLength: 5 }),
        style,
        fc.nat(),
        fc.constantFrom(0, 1, 4, 5),
        fc.nat(),
        (rows, s0, rowPick, column, badPick) => {
          const s = { ...s0, endColumn: false, grouped: false };
          const k = rowPick % rows.length;
          const bad = BAD_CELLS[column][badPick % BAD_CELLS[column].length];
          const csv = render(rows, s, (r, i) => cellsOf(r, s).map((c, j) => (i === k && j === column ? bad : c)));
          const result = run(csv, s);
          // The import is all or nothing: the caller writes nothing when there is any problem.
          expect(result.problems.length).toBeGreaterThan(0);
          expect(result.problems.every((p) => p.line === k + 2 && p.message.startsWith(`line ${k + 2}: `))).toBe(true);
          expect(result.problems.some((p) => p.message.includes(`"${HEADER[column]}"`))).toBe(true);
        },
      ),
      RUNS,
    );
  });
});
