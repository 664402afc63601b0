import Decimal from 'decimal.js';
import { MAX_REPORTED_ERRORS } from '@/lib/account/import-parse';
import { sessionResult } from '@/lib/sessions/rules';
import { sessionInputSchema, type SessionInput } from '@/lib/sessions/schemas';
import { readCount, readDateTime, readDuration, readGame, readKind, readMoney, readStakes, readTime } from './cells';
import { TRACKER_FIELD_LABELS, type TrackerField } from './fields';
import { duplicateKey } from './duplicates';
import type { TrackerMapping } from './mapping';
import type { TrackerTable } from './table';

// Applies a mapping to the rows of a file: each row becomes the strings of the "log a session"
// form and goes through that form's schema (lib/sessions/schemas.ts), so limits and cross-field
// rules are the form's, and each problem is reported with the row's line in the file and the
// column the user must fix.

export interface MappedSession {
  line: number;
  input: SessionInput;
  /** Same start, place and result: see duplicates.ts. */
  key: string;
}

export interface RowProblem {
  line: number;
  message: string;
}

export interface MappingResult {
  sessions: MappedSession[];
  problems: RowProblem[];
  /** Problems beyond MAX_REPORTED_ERRORS, counted, not listed. */
  hiddenProblems: number;
}

export interface MappingContext {
  now: Date;
  /** The user's poker sites: a place with one of their names is that site, otherwise a live venue. */
  sites: readonly { id: string; name: string }[];
}

/** Which mapped field a schema field's error belongs to, in order of preference. */
const SCHEMA_FIELD_SOURCES: Readonly<Record<string, readonly TrackerField[]>> = {
  kind: ['kind'],
  game: ['game'],
  venue: ['venue'],
  newVenue: ['venue'],
  currency: ['currency'],
  smallBlind: ['stakes', 'smallBlind'],
  bigBlind: ['stakes', 'bigBlind'],
  buyIn: ['buyIn', 'profit'],
  fee: ['fee'],
  rebuys: ['rebuys'],
  cashOut: ['cashOut', 'profit'],
  expenses: ['expenses'],
  place: ['place'],
  fieldSize: ['fieldSize'],
  hands: ['hands'],
  start: ['start', 'date'],
  end: ['end', 'duration'],
  durationMinutes: ['duration'],
  breakMinutes: ['breakMinutes'],
  notes: ['notes'],
  tags: ['tags'],
};

const CURRENCY_SIGNS: Readonly<Record<string, string>> = { $: 'USD', '€': 'EUR', '£': 'GBP' };

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

class RowReader {
  readonly problems: string[] = [];
  constructor(
    private readonly table: TrackerTable,
    private readonly mapping: TrackerMapping,
    private readonly cells: readonly string[],
  ) {}

  has(field: TrackerField): boolean {
    return this.mapping.columns.includes(field);
  }

  cell(field: TrackerField): string {
    const i = this.mapping.columns.indexOf(field);
    return i < 0 ? '' : (this.cells[i] ?? '').trim();
  }

  /** How a message names the field: the file's own column header. */
  column(field: TrackerField): string {
    const i = this.mapping.columns.indexOf(field);
    return i < 0 ? TRACKER_FIELD_LABELS[field] : `"${this.table.header[i] || `column ${i + 1}`}"`;
  }

  problem(field: TrackerField, message: string): null {
    this.problems.push(`${this.column(field)} ${message}`);
    return null;
  }

  money(field: TrackerField, { signed = false } = {}): string | null {
    const raw = this.cell(field);
    if (!raw) return null;
    const value = readMoney(raw, this.mapping.decimalSeparator);
    if (value === null) return this.problem(field, `"${raw}" is not an amount (decimal separator "${this.mapping.decimalSeparator}")`);
    if (!signed && value.startsWith('-')) return this.problem(field, `"${raw}" cannot be negative`);
    return value;
  }
}

/** The form's "start" and "end" ("YYYY-MM-DDTHH:MM") and duration from the date/time columns. */
function readTimes(r: RowReader, m: TrackerMapping): { start: string; end: string; durationMinutes: string } {
  const out = { start: '', end: '', durationMinutes: '' };
  let startDay: string | null = null;
  let startTime: string | null = null;
  const dateCell = r.cell('date');
  if (dateCell) {
    const dt = readDateTime(dateCell, m.dateFormat);
    if (!dt) r.problem('date', `"${dateCell}" is not a date in the format ${m.dateFormat}`);
    else [startDay, startTime] = [dt.day, dt.time];
  }
  const startCell = r.cell('start');
  if (startCell) {
    const dt = readDateTime(startCell, m.dateFormat);
    const time = dt ? null : readTime(startCell);
    if (dt) [startDay, startTime] = [dt.day, dt.time ?? startTime];
    else if (time && startDay) startTime = time;
    else if (time && dateCell) return out; // the date's problem is already said
    else if (time) r.problem('start', `"${startCell}" is a time without a date: map a "Date" column too`);
    else r.problem('start', `"${startCell}" is not a date and time (${m.dateFormat} HH:MM) or a time`);
  }
  if (!startDay) return out;
  out.start = `${startDay}T${startTime ?? '00:00'}`;

  const endCell = r.cell('end');
  if (endCell) {
    const dt = readDateTime(endCell, m.dateFormat);
    const time = dt ? null : readTime(endCell);
    if (dt?.time) out.end = `${dt.day}T${dt.time}`;
    // A time alone is on the start's day, or the next one when it is not after the start (overnight).
    else if (time) out.end = `${time > (startTime ?? '00:00') ? startDay : nextDay(startDay)}T${time}`;
    else r.problem('end', `"${endCell}" is not a date and time (${m.dateFormat} HH:MM) or a time`);
  } else {
    const durationCell = r.cell('duration');
    if (durationCell) {
      const minutes = readDuration(durationCell, m.durationUnit);
      if (minutes === null) r.problem('duration', `"${durationCell}" is not a duration in ${m.durationUnit}`);
      else out.durationMinutes = String(minutes);
    }
  }
  return out;
}

/** The "log a session" form's values for one row, or null when a cell could not be read. */
function formOf(r: RowReader, m: TrackerMapping, ctx: MappingContext): Record<string, string> | null {
  const times = readTimes(r, m);
  const kindCell = r.cell('kind');
  const kind = kindCell ? readKind(kindCell) : m.defaultKind;
  if (!kind) r.problem('kind', `"${kindCell}" is neither a cash game nor a tournament`);
  const gameCell = r.cell('game');
  const place = r.cell('venue').replace(/\s+/g, ' ');
  const site = ctx.sites.find((s) => s.name.toLowerCase() === place.toLowerCase());
  const currencyCell = r.cell('currency');
  const currency = currencyCell ? (CURRENCY_SIGNS[currencyCell] ?? currencyCell.toUpperCase()) : m.defaultCurrency;

  let smallBlind = r.money('smallBlind') ?? '';
  let bigBlind = r.money('bigBlind') ?? '';
  const stakesCell = r.cell('stakes');
  if (stakesCell) {
    const stakes = readStakes(stakesCell, m.decimalSeparator);
    if (stakes) [smallBlind, bigBlind] = [stakes.small, stakes.big];
    else r.problem('stakes', `"${stakesCell}" is not stakes like 1/2`);
  }

  const [buyIn, cashOut, profit] = [r.money('buyIn'), r.money('cashOut'), r.money('profit', { signed: true })];
  const [rebuys, fee, expenses] = [r.money('rebuys') ?? '', r.money('fee') ?? '', r.money('expenses') ?? ''];
  const money = { buyIn: buyIn ?? '', cashOut: cashOut ?? '' };
  if (profit !== null && kind && r.problems.length === 0) {
    const spent = sessionResult({ kind, buyIn: buyIn ?? '0', fee: fee || '0', reEntries: 0, rebuys: rebuys || '0', cashOut: '0', expenses: expenses || '0' })!.negated();
    if (buyIn === null && cashOut === null && spent.isZero()) {
      // Only the result is known: a win is a cash-out of it, a loss a buy-in of it.
      const p = new Decimal(profit);
      [money.buyIn, money.cashOut] = [p.isNegative() ? p.negated().toString() : '0', p.isNegative() ? '0' : p.toString()];
    } else if (cashOut === null) {
      const out = new Decimal(profit).plus(spent);
      if (out.isNegative()) r.problem('profit', `${profit} is a larger loss than the buy-in (${spent.toString()})`);
      else money.cashOut = out.toString();
      // No buy-in column: the costs are the fee, rebuys and expenses alone.
      if (buyIn === null && !r.has('buyIn')) money.buyIn = '0';
    } else {
      const result = new Decimal(cashOut).minus(spent);
      if (!result.equals(profit)) r.problem('profit', `${profit} does not match cash-out − buy-in (${result.toString()})`);
    }
  }
  if (r.problems.length) return null;
  const count = (field: TrackerField) => {
    const raw = r.cell(field);
    return raw ? (readCount(raw) ?? raw) : '';
  };
  return {
    kind: kind!,
    game: gameCell ? readGame(gameCell) : m.defaultGame,
    venue: site ? `site:${site.id}` : 'new',
    newVenue: site ? '' : place,
    currency,
    smallBlind,
    bigBlind,
    ...money,
    fee,
    rebuys,
    expenses,
    reEntries: '',
    place: count('place'),
    fieldSize: count('fieldSize'),
    hands: count('hands'),
    breakMinutes: count('breakMinutes'),
    notes: r.cell('notes'),
    tags: r.cell('tags'),
    ...times,
  };
}

/** Every row of the table through the mapping: the sessions, or the problems with their lines. */
export function applyMapping(table: TrackerTable, mapping: TrackerMapping, ctx: MappingContext): MappingResult {
  const schema = sessionInputSchema(ctx.now);
  const sessions: MappedSession[] = [];
  const problems: RowProblem[] = [];
  let hiddenProblems = 0;
  const report = (line: number, message: string) => {
    if (problems.length < MAX_REPORTED_ERRORS) problems.push({ line, message: `line ${line}: ${message}` });
    else hiddenProblems++;
  };
  for (const row of table.rows) {
    const r = new RowReader(table, mapping, row.cells);
    const form = formOf(r, mapping, ctx);
    if (!form) {
      r.problems.forEach((p) => report(row.line, p));
      continue;
    }
    const parsed = schema.safeParse(form);
    if (!parsed.success) {
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const sources = SCHEMA_FIELD_SOURCES[String(issue.path[0])] ?? [];
        const field = sources.find((f) => r.has(f)) ?? sources[0];
        const message = `${field ? `${r.column(field)}: ` : ''}${issue.message}`;
        if (!seen.has(message)) report(row.line, message);
        seen.add(message);
      }
      continue;
    }
    const input = parsed.data;
    const placeName = 'siteId' in input.venue ? ctx.sites.find((s) => s.id === (input.venue as { siteId: string }).siteId)!.name : 'newVenue' in input.venue ? input.venue.newVenue : '';
    const result = sessionResult({ ...input, buyIn: input.buyIn.toString(), fee: input.fee.toString(), rebuys: input.rebuys.toString(), cashOut: input.cashOut.toString(), expenses: input.expenses.toString() })!;
    sessions.push({ line: row.line, input, key: duplicateKey({ startedAt: input.startedAt, place: placeName, result, currency: input.currency }) });
  }
  return { sessions, problems, hiddenProblems };
}
