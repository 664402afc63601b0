// Snapshot times are entered with <input type="datetime-local"> and read as
// UTC, like every other day-based rule in the app (lib/domain/days.ts): the
// server, the database and the history filter then agree on which day a
// snapshot belongs to, whatever the browser's time zone.

import { isDayKey, type DayKey } from '@/lib/domain/days';
import { EARLIEST_INSTANT, latestInstant } from '@/lib/fields/limits';


// What datetime-local submits: minutes, or seconds when the input's step asks for them.
const DATE_TIME_LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export type SnapshotTimeResult = { ok: true; value: Date } | { ok: false; message: string };

/** Parses a datetime-local value as UTC and checks it is a plausible snapshot time. */
export function parseSnapshotTime(input: string, now: Date): SnapshotTimeResult {
  const match = DATE_TIME_LOCAL.exec(input.trim());
  const [, day, hours, minutes, seconds = '00'] = match ?? [];
  if (!match || !isDayKey(day) || Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) {
    return { ok: false, message: 'Enter a date and time like 2025-01-31 18:30 (UTC).' };
  }
  const value = new Date(`${day}T${hours}:${minutes}:${seconds}.000Z`);
  if (value < EARLIEST_INSTANT) return { ok: false, message: 'The date cannot be before 1 January 2000.' };
  if (value > latestInstant(now)) return { ok: false, message: 'The date cannot be more than 1 day in the future.' };
  return { ok: true, value };
}

/** The value a datetime-local input needs to show an ISO time as UTC ("2025-01-31T18:30"). */
export function toDateTimeLocalValue(iso: string): string {
  return new Date(iso).toISOString().slice(0, 16);
}

/** "2025-01-31 18:30 UTC": unambiguous whatever the reader's time zone. */
export function formatSnapshotTime(iso: string): string {
  const text = new Date(iso).toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}

export interface HistoryFilterInput {
  from?: string | string[];
  to?: string | string[];
}

export interface ParsedHistoryFilter {
  /** Only the valid parts: an invalid bound is ignored rather than emptying the table. */
  filter: { from?: DayKey; to?: DayKey };
  errors: { from?: string; to?: string };
  /** What the user typed, to put back into the filter form. */
  values: { from: string; to: string };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? '';

/** Reads the history page's ?from=YYYY-MM-DD&to=YYYY-MM-DD (UTC days, both inclusive). */
export function parseHistoryFilter(input: HistoryFilterInput): ParsedHistoryFilter {
  const values = { from: first(input.from), to: first(input.to) };
  const result: ParsedHistoryFilter = { filter: {}, errors: {}, values };
  for (const key of ['from', 'to'] as const) {
    if (!values[key]) continue;
    if (isDayKey(values[key])) result.filter[key] = values[key];
    else result.errors[key] = 'Use a date like 2025-01-31.';
  }
  const { from, to } = result.filter;
  if (from && to && from > to) {
    result.errors.to = 'The end date is before the start date.';
    delete result.filter.to;
  }
  return result;
}
