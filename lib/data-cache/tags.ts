// Every cache tag in one place, so the writes that must invalidate a read can
// be checked against the reads that use it (tests/integration/invalidation).
export const tags = {
  /** Display currency, streak: anything on the User row. */
  profile: (userId: string) => `user:${userId}:profile`,
  /** The user's sites and assets with their current and previous balances. */
  holdings: (userId: string) => `user:${userId}:holdings`,
  /** One holding's snapshot history. */
  holding: (holdingId: string) => `holding:${holdingId}`,
  /** Every snapshot of the user (charts). */
  snapshots: (userId: string) => `user:${userId}:snapshots`,
  transfers: (userId: string) => `user:${userId}:transfers`,
  goals: (userId: string) => `user:${userId}:goals`,
  achievements: (userId: string) => `user:${userId}:achievements`,
  /** Play sessions, the running one and the live venues (lists, statistics, the running banner). */
  sessions: (userId: string) => `user:${userId}:sessions`,
  /** The user's saved column mappings of other trackers' CSV files (the session import). */
  trackerMappings: (userId: string) => `user:${userId}:tracker-mappings`,
  /** Which articles the user has read. */
  reads: (userId: string) => `user:${userId}:reads`,
  /** Exchange rates: shared by everyone. */
  rates: () => 'rates',
  /** Every published-article listing (index, tag pages, sitemap). */
  articles: () => 'articles',
  article: (slug: string) => `article:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
} as const;

/**
 * Per-user data: covered by the user's data version (lib/data-cache/read.ts). Any other tag is
 * shared data, which no user's version covers.
 */
export function isUserTag(tag: string): boolean {
  return tag.startsWith('user:') || tag.startsWith('holding:');
}

/** Everything that belongs to one user (account deletion, import). */
export function allUserTags(userId: string): string[] {
  return [tags.profile, tags.holdings, tags.snapshots, tags.transfers, tags.goals, tags.achievements, tags.reads, tags.sessions, tags.trackerMappings].map((t) => t(userId));
}
