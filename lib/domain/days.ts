/**
 * Calendar days as 'YYYY-MM-DD' strings in UTC.
 *
 * Every day-based rule (streaks, daily chart points, "rate in force that day") uses the UTC
 * calendar so the server, the database and every user agree on which day a timestamp belongs
 * to, whatever the machine's time zone. Day keys also sort correctly as plain strings.
 */

export type DayKey = string;

const DAY_KEY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

export class DayKeyError extends Error {
  constructor(input: string) {
    super(`"${input}" is not a valid calendar day (expected YYYY-MM-DD)`);
    this.name = 'DayKeyError';
  }
}

export function toDayKey(date: Date): DayKey {
  if (Number.isNaN(date.getTime())) throw new DayKeyError(String(date));
  return date.toISOString().slice(0, 10);
}

export function isDayKey(input: string): boolean {
  if (!DAY_KEY_PATTERN.test(input)) return false;
  // Round-tripping through Date rejects impossible days such as 2025-02-30.
  const date = new Date(`${input}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === input;
}

export function assertDayKey(input: string): DayKey {
  if (!isDayKey(input)) throw new DayKeyError(input);
  return input;
}

/** Midnight UTC at the start of the day. */
export function dayKeyToDate(day: DayKey): Date {
  return new Date(`${assertDayKey(day)}T00:00:00.000Z`);
}

export function addDays(day: DayKey, days: number): DayKey {
  return toDayKey(new Date(dayKeyToDate(day).getTime() + days * MS_PER_DAY));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DayKey, to: DayKey): number {
  return Math.round((dayKeyToDate(to).getTime() - dayKeyToDate(from).getTime()) / MS_PER_DAY);
}

/** Every day from `from` to `to`, both included; empty when `to` is before `from`. */
export function eachDay(from: DayKey, to: DayKey): DayKey[] {
  const count = daysBetween(from, to) + 1;
  const start = dayKeyToDate(from).getTime();
  const days: DayKey[] = [];
  for (let i = 0; i < count; i++) days.push(toDayKey(new Date(start + i * MS_PER_DAY)));
  return days;
}

/** The same calendar day `months` earlier, clamped to the end of a shorter month (UTC). */
export function monthsBefore(day: DayKey, months: number): DayKey {
  const date = dayKeyToDate(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return toDayKey(target);
}
