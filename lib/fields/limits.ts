import { toDayKey, type DayKey } from '@/lib/domain/days';

// The limits every input path shares: the forms (zod schemas), the server actions that run
// them, and the account import parser all read these, so a value one accepts the others do.

export const HOLDING_NAME_MIN = 2;
export const HOLDING_NAME_MAX = 50;
export const ASSET_TYPE_MAX = 30;
export const NOTE_MAX = 200;

/** No poker money movement predates online poker as we track it; older dates are typos. */
export const EARLIEST_DAY: DayKey = '2000-01-01';
export const EARLIEST_INSTANT = new Date(`${EARLIEST_DAY}T00:00:00.000Z`);

/** Days (transfers) may be today at the latest, in UTC like every day in the app. */
export const latestDay = (now: Date): DayKey => toDayKey(now);

/** How far ahead of the server clock a recorded time (a snapshot) may be: time zones, clock skew. */
export const MAX_FUTURE_MS = 86_400_000;
export const latestInstant = (now: Date): Date => new Date(now.getTime() + MAX_FUTURE_MS);

// Play sessions (lib/sessions/schemas.ts and the import parser).
export const VENUE_NAME_MAX = 50;
export const SESSION_NOTES_MAX = 500;
export const SESSION_TAGS_MAX = 10;
export const SESSION_TAG_MAX = 30;
/** Longest session we accept (a marathon, not a typo of a day count): 3 days. */
export const SESSION_MAX_MINUTES = 72 * 60;
export const SESSION_COUNT_MAX = 1_000_000;
