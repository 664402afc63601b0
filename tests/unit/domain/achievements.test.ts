import Decimal from 'decimal.js';
import { describe, it, expect } from 'vitest';
import {
  ACHIEVEMENTS,
  ACHIEVEMENT_CODES,
  earnedAchievements,
  newAchievements,
  type AchievementFacts,
} from '../../../lib/domain/achievements';

const none: AchievementFacts = { longestStreak: 0, goalsCompleted: 0, articlesRead: 0, bankrollUsd: new Decimal(0), sessionsPlayed: 0, minutesPlayed: 0, winningSessions: 0 };

describe('achievement definitions', () => {
  it('name and describe every code', () => {
    expect(ACHIEVEMENT_CODES).toEqual([
      'STREAK_3', 'STREAK_7', 'STREAK_30', 'GOAL_COMPLETED', 'READ_1', 'READ_10', 'BANKROLL_1K', 'BANKROLL_10K', 'SESSION_1', 'HOURS_100', 'WINS_10',
    ]);
    for (const code of ACHIEVEMENT_CODES) {
      expect(ACHIEVEMENTS[code].name.length).toBeGreaterThan(0);
      expect(ACHIEVEMENTS[code].description.length).toBeGreaterThan(0);
    }
  });
});

describe('earnedAchievements', () => {
  it('earns nothing from nothing', () => {
    expect(earnedAchievements(none)).toEqual([]);
  });

  it.each([
    [2, []],
    [3, ['STREAK_3']],
    [6, ['STREAK_3']],
    [7, ['STREAK_3', 'STREAK_7']],
    [29, ['STREAK_3', 'STREAK_7']],
    [30, ['STREAK_3', 'STREAK_7', 'STREAK_30']],
  ])('a longest streak of %i earns %j', (longestStreak, codes) => {
    expect(earnedAchievements({ ...none, longestStreak })).toEqual(codes);
  });

  it('counts completed goals and read articles', () => {
    expect(earnedAchievements({ ...none, goalsCompleted: 1 })).toEqual(['GOAL_COMPLETED']);
    expect(earnedAchievements({ ...none, articlesRead: 1 })).toEqual(['READ_1']);
    expect(earnedAchievements({ ...none, articlesRead: 9 })).toEqual(['READ_1']);
    expect(earnedAchievements({ ...none, articlesRead: 10 })).toEqual(['READ_1', 'READ_10']);
  });

  it('uses USD bankroll thresholds of 1,000 and 10,000', () => {
    expect(earnedAchievements({ ...none, bankrollUsd: new Decimal('999.99') })).toEqual([]);
    expect(earnedAchievements({ ...none, bankrollUsd: new Decimal('1000') })).toEqual(['BANKROLL_1K']);
    expect(earnedAchievements({ ...none, bankrollUsd: new Decimal('9999.99') })).toEqual(['BANKROLL_1K']);
    expect(earnedAchievements({ ...none, bankrollUsd: new Decimal('10000') })).toEqual(['BANKROLL_1K', 'BANKROLL_10K']);
    expect(earnedAchievements({ ...none, bankrollUsd: new Decimal('-5000') })).toEqual([]);
  });

  it('earns everything at once, in code order', () => {
    const facts = { longestStreak: 45, goalsCompleted: 2, articlesRead: 12, bankrollUsd: new Decimal(25000), sessionsPlayed: 300, minutesPlayed: 6000, winningSessions: 150 };
    expect(earnedAchievements(facts)).toEqual([...ACHIEVEMENT_CODES]);
  });
});

describe('session achievements', () => {
  it('first session, 100 hours (6,000 minutes) and 10 winning sessions, each at its threshold', () => {
    expect(earnedAchievements({ ...none, sessionsPlayed: 1 })).toEqual(['SESSION_1']);
    expect(earnedAchievements({ ...none, sessionsPlayed: 1, minutesPlayed: 5999 })).toEqual(['SESSION_1']);
    expect(earnedAchievements({ ...none, sessionsPlayed: 1, minutesPlayed: 6000 })).toEqual(['SESSION_1', 'HOURS_100']);
    expect(earnedAchievements({ ...none, sessionsPlayed: 12, winningSessions: 9 })).toEqual(['SESSION_1']);
    expect(earnedAchievements({ ...none, sessionsPlayed: 12, winningSessions: 10 })).toEqual(['SESSION_1', 'WINS_10']);
  });
});

describe('newAchievements', () => {
  it('returns only codes not earned before', () => {
    const facts = { ...none, longestStreak: 7, articlesRead: 1 };
    expect(newAchievements(facts, ['STREAK_3', 'READ_1'])).toEqual(['STREAK_7']);
    expect(newAchievements(facts, [])).toEqual(['STREAK_3', 'STREAK_7', 'READ_1']);
    expect(newAchievements(facts, new Set(['STREAK_3', 'STREAK_7', 'READ_1']))).toEqual([]);
  });
});
