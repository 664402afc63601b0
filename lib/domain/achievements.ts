import Decimal from 'decimal.js';

export const ACHIEVEMENT_CODES = [
  'STREAK_3',
  'STREAK_7',
  'STREAK_30',
  'GOAL_COMPLETED',
  'READ_1',
  'READ_10',
  'BANKROLL_1K',
  'BANKROLL_10K',
  'SESSION_1',
  'HOURS_100',
  'WINS_10',
] as const;
export type AchievementCode = (typeof ACHIEVEMENT_CODES)[number];

export interface AchievementFacts {
  longestStreak: number;
  goalsCompleted: number;
  articlesRead: number;
  /** Bankroll converted to USD, so the thresholds mean the same in every display currency. */
  bankrollUsd: Decimal;
  /** Ended play sessions, their minutes at the table, and how many had a result > 0. */
  sessionsPlayed: number;
  minutesPlayed: number;
  winningSessions: number;
}

export interface AchievementInfo {
  name: string;
  description: string;
}

export const ACHIEVEMENTS: Readonly<Record<AchievementCode, AchievementInfo>> = {
  STREAK_3: { name: 'Warming Up', description: 'Track your bankroll 3 days in a row' },
  STREAK_7: { name: 'Week Grinder', description: 'Track your bankroll 7 days in a row' },
  STREAK_30: { name: 'Iron Discipline', description: 'Track your bankroll 30 days in a row' },
  GOAL_COMPLETED: { name: 'Goal Getter', description: 'Complete a bankroll or profit goal' },
  READ_1: { name: 'Student of the Game', description: 'Read your first strategy article' },
  READ_10: { name: 'Bookworm', description: 'Read 10 strategy articles' },
  BANKROLL_1K: { name: 'Four Figures', description: 'Reach a bankroll of $1,000' },
  BANKROLL_10K: { name: 'Five Figures', description: 'Reach a bankroll of $10,000' },
  SESSION_1: { name: 'Shuffle Up', description: 'Log your first playing session' },
  HOURS_100: { name: 'Century at the Tables', description: 'Play 100 hours of logged sessions' },
  WINS_10: { name: 'Ten Times a Winner', description: 'Finish 10 sessions with a profit' },
};

const BANKROLL_1K_USD = new Decimal(1_000);
const BANKROLL_10K_USD = new Decimal(10_000);

const EARNED_WHEN: Record<AchievementCode, (facts: AchievementFacts) => boolean> = {
  STREAK_3: (f) => f.longestStreak >= 3,
  STREAK_7: (f) => f.longestStreak >= 7,
  STREAK_30: (f) => f.longestStreak >= 30,
  GOAL_COMPLETED: (f) => f.goalsCompleted >= 1,
  READ_1: (f) => f.articlesRead >= 1,
  READ_10: (f) => f.articlesRead >= 10,
  BANKROLL_1K: (f) => f.bankrollUsd.greaterThanOrEqualTo(BANKROLL_1K_USD),
  BANKROLL_10K: (f) => f.bankrollUsd.greaterThanOrEqualTo(BANKROLL_10K_USD),
  SESSION_1: (f) => f.sessionsPlayed >= 1,
  HOURS_100: (f) => f.minutesPlayed >= 100 * 60,
  WINS_10: (f) => f.winningSessions >= 10,
};

/** Every achievement the facts qualify for, in ACHIEVEMENT_CODES order. */
export function earnedAchievements(facts: AchievementFacts): AchievementCode[] {
  return ACHIEVEMENT_CODES.filter((code) => EARNED_WHEN[code](facts));
}

/**
 * Achievements to award now. Once earned an achievement is kept, so a bankroll that drops
 * below $1,000 later does not take BANKROLL_1K away; only new codes are returned.
 */
export function newAchievements(facts: AchievementFacts, alreadyEarned: Iterable<string>): AchievementCode[] {
  const owned = new Set(alreadyEarned);
  return earnedAchievements(facts).filter((code) => !owned.has(code));
}
