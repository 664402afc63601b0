// The cache tags each transfer/goal write changes (lib/data-cache/tags.ts). The
// server actions expire exactly these; tests/unit/bankroll checks them against
// the reads that depend on the data:
//   listTransfers    -> transfers(user)   lists, totals, dashboard, stakes
//   bankrollChart    -> transfers(user)   (also snapshots, rates, profile)
//   listGoals        -> goals(user)
//   listAchievements -> achievements(user)
//   getProfile       -> profile(user)     streak
// `progress` is what recordMoneyAction / syncAchievements / completeGoalIfReached
// returned (profile, achievements, goals): only the ones that really changed.

import { tags } from '@/lib/data-cache/tags';

const withProgress = (base: string[], progress: readonly string[]) => [...new Set([...base, ...progress])];

export const transferMutationTags = {
  create: (userId: string, progress: readonly string[] = []) => withProgress([tags.transfers(userId)], progress),
  update: (userId: string, progress: readonly string[] = []) => withProgress([tags.transfers(userId)], progress),
  delete: (userId: string, progress: readonly string[] = []) => withProgress([tags.transfers(userId)], progress),
} as const;

export const goalMutationTags = {
  /** A new goal may complete at once (target already reached): progress then has achievements. */
  create: (userId: string, progress: readonly string[] = []) => withProgress([tags.goals(userId)], progress),
  archive: (userId: string) => [tags.goals(userId)],
} as const;
