import { addDays, assertDayKey, type DayKey } from './days';

/**
 * Daily streak of money actions (balance updates, deposits, withdrawals).
 * Days are UTC calendar days (see days.ts) so a streak does not depend on where the server
 * or the user is; a user far from UTC sees the day roll over at UTC midnight.
 */
export interface StreakState {
  current: number;
  longest: number;
  lastActionOn: DayKey | null;
}

export const EMPTY_STREAK: Readonly<StreakState> = Object.freeze({ current: 0, longest: 0, lastActionOn: null });

/** State after a money action on `today`. */
export function nextStreak(state: StreakState, today: DayKey): StreakState {
  assertDayKey(today);
  // Same day, or a clock that went backwards: only the first action of a day counts.
  if (state.lastActionOn !== null && state.lastActionOn >= today) return state;

  const continues = state.lastActionOn !== null && addDays(state.lastActionOn, 1) === today;
  const current = continues ? state.current + 1 : 1;
  return { current, longest: Math.max(state.longest, current), lastActionOn: today };
}

/**
 * The streak to show on `today`: still alive if the last action was today or yesterday
 * (today's action may not have happened yet), otherwise broken and shown as 0.
 */
export function activeStreak(state: StreakState, today: DayKey): number {
  assertDayKey(today);
  if (state.lastActionOn === null) return 0;
  const alive = state.lastActionOn === today || addDays(state.lastActionOn, 1) === today;
  return alive ? state.current : 0;
}
