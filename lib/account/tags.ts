import { allUserTags, tags } from '@/lib/data-cache/tags';

/** The cache tags each settings mutation changes (checked by tests/unit/account/tags.test.ts). */
export const accountMutationTags = {
  /** getProfile carries the display currency; every page converting amounts reads it there. */
  displayCurrency: (userId: string) => [tags.profile(userId)],
  /** No cached read includes the password hash or sessions. */
  changePassword: (): string[] => [],
  /** An import can add to every part of the user's data (and unlock achievements). */
  importData: (userId: string) => allUserTags(userId),
  /**
   * Everything of the user, each deleted holding's history, and, when the user wrote
   * articles (an admin), the article pages and listings that showed them as author.
   */
  deleteAccount: (userId: string, holdingIds: string[], authoredSlugs: string[]) => [
    ...allUserTags(userId),
    ...holdingIds.map(tags.holding),
    ...(authoredSlugs.length ? [tags.articles(), ...authoredSlugs.map(tags.article)] : []),
  ],
};
