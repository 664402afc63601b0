import type { Game, SessionKind } from '@/lib/sessions/rules';
import { readDay } from './cells';
import { DATE_FORMATS, type DateFormat, type DecimalSeparator, type TrackerField } from './fields';
import type { TrackerMapping } from './mapping';

// A first guess at the mapping, from the header names other trackers use and a look at the
// first rows (which date order fits, which decimal separator). The user sees it and corrects
// it; nothing is imported on a guess alone.

/** Header names (lower case, letters and digits only) per field. The first matching column wins. */
const HEADER_NAMES: Readonly<Record<TrackerField, readonly string[]>> = {
  date: ['date', 'day', 'sessiondate', 'playdate', 'datum', 'fecha'],
  start: ['start', 'starttime', 'started', 'startdate', 'startdatetime', 'begin', 'starttimeutc', 'startedat', 'from'],
  end: ['end', 'endtime', 'ended', 'enddate', 'enddatetime', 'finish', 'finishtime', 'stop', 'endtimeutc', 'endedat', 'to'],
  duration: ['duration', 'durationmin', 'durationmins', 'durationminutes', 'minutes', 'mins', 'length', 'timeplayed', 'minutesplayed', 'hours', 'hoursplayed', 'durationhours', 'hrs'],
  breakMinutes: ['break', 'breaks', 'breakminutes', 'breaktime', 'breakmin'],
  kind: ['type', 'kind', 'sessiontype', 'format', 'gameformat', 'cashortournament', 'category'],
  game: ['game', 'gametype', 'variant', 'variation', 'games', 'pokergame'],
  venue: ['location', 'venue', 'casino', 'site', 'room', 'where', 'cardroom', 'pokersite', 'pokerroom', 'place'],
  stakes: ['stakes', 'stake', 'blinds', 'limit', 'level', 'blindlevel'],
  smallBlind: ['sb', 'smallblind'],
  bigBlind: ['bb', 'bigblind'],
  currency: ['currency', 'cur', 'ccy', 'curr'],
  buyIn: ['buyin', 'buyins', 'totalbuyin', 'buyinamount', 'investment', 'invested', 'cost', 'buy'],
  rebuys: ['rebuys', 'rebuy', 'addons', 'addon', 'rebuysaddons', 'topups', 'topup'],
  fee: ['fee', 'fees', 'rake', 'entryfee'],
  cashOut: ['cashout', 'cashedout', 'cashoutamount', 'winnings', 'cashes', 'return', 'out', 'won'],
  profit: ['profit', 'result', 'net', 'netresult', 'winloss', 'pl', 'profitloss', 'amount', 'netprofit', 'resultamount'],
  expenses: ['expenses', 'expense', 'tips', 'tip', 'costs', 'dealertips'],
  hands: ['hands', 'handsplayed', 'handcount'],
  place: ['finish', 'finishposition', 'position', 'rank', 'placefinished', 'finished'],
  fieldSize: ['entrants', 'fieldsize', 'players', 'entries', 'field'],
  notes: ['notes', 'note', 'comment', 'comments', 'description', 'memo'],
  tags: ['tags', 'tag', 'labels', 'label'],
};

const normHeader = (h: string) => h.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Each column's field, by its header; a field goes to one column only. */
export function detectColumns(header: readonly string[]): (TrackerField | null)[] {
  const taken = new Set<TrackerField>();
  const byName = new Map<string, TrackerField>();
  for (const [field, names] of Object.entries(HEADER_NAMES) as [TrackerField, readonly string[]][]) for (const n of names) byName.set(n, field);
  return header.map((h) => {
    const name = normHeader(h);
    // "Place" is where most trackers say you played; a tournament finish is "Finish" or "Position".
    const field = byName.get(name) ?? null;
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** The date order that reads every sample (first cell part, before any time), preferring ISO. */
export function guessDateFormat(samples: readonly string[]): DateFormat {
  // A start column may hold times only ("19:30"): those say nothing about the date order.
  const days = samples.map((s) => s.trim().split(/[T\s]/)[0]).filter((d) => d && !d.includes(':'));
  return DATE_FORMATS.find((f) => days.length > 0 && days.every((d) => readDay(d, f) !== null)) ?? 'YYYY-MM-DD';
}

/** "12,50" (no dot anywhere, a comma before 1-2 final digits) in the money columns means a decimal comma. */
export function guessDecimalSeparator(samples: readonly string[]): DecimalSeparator {
  return samples.some((s) => /\d,\d{1,2}$/.test(s.trim())) && !samples.some((s) => s.includes('.') && /\d\.\d{1,2}$/.test(s.trim())) ? ',' : '.';
}

/** The whole first guess: columns from the header, formats from up to the first rows. */
export function detectMapping(header: readonly string[], rows: readonly (readonly string[])[], defaults: { currency: string; kind?: SessionKind; game?: Game }): TrackerMapping {
  const columns = detectColumns(header);
  const cellsOf = (fields: TrackerField[]) => columns.flatMap((f, i) => (f && fields.includes(f) ? rows.map((r) => r[i] ?? '').filter((c) => c.trim() !== '') : []));
  const hoursHeader = columns.some((f, i) => f === 'duration' && /hour|hrs/i.test(header[i]));
  return {
    columns,
    dateFormat: guessDateFormat(cellsOf(['date', 'start'])),
    durationUnit: hoursHeader ? 'hours' : 'minutes',
    decimalSeparator: guessDecimalSeparator(cellsOf(['buyIn', 'cashOut', 'profit', 'rebuys', 'fee', 'expenses'])),
    defaultCurrency: defaults.currency,
    defaultKind: defaults.kind ?? 'CASH',
    defaultGame: defaults.game ?? 'NLHE',
  };
}
