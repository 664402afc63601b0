import { describe, expect, it } from 'vitest';
import { tags } from '@/lib/data-cache/tags';
import { goalMutationTags, transferMutationTags } from '@/lib/transfers/tags';

const user = 'u1';

describe('tags expired by transfer and goal writes', () => {
  it('every transfer write expires the transfer list (lists, totals, dashboard, chart, stakes)', () => {
    for (const write of Object.values(transferMutationTags)) {
      expect(write(user)).toEqual([tags.transfers(user)]);
    }
  });

  it('adds what the streak, achievement and goal bookkeeping changed, once each', () => {
    const progress = [tags.profile(user), tags.achievements(user), tags.goals(user), tags.achievements(user)];
    expect(transferMutationTags.create(user, progress).sort()).toEqual(
      [tags.transfers(user), tags.profile(user), tags.achievements(user), tags.goals(user)].sort(),
    );
  });

  it('goal writes expire the goal list', () => {
    expect(goalMutationTags.create(user)).toEqual([tags.goals(user)]);
    expect(goalMutationTags.create(user, [tags.goals(user), tags.achievements(user)])).toEqual([tags.goals(user), tags.achievements(user)]);
    expect(goalMutationTags.archive(user)).toEqual([tags.goals(user)]);
  });

  it('never expires another user\u2019s tags or the shared rates', () => {
    const all = [...Object.values(transferMutationTags).flatMap((w) => w(user)), ...goalMutationTags.create(user), ...goalMutationTags.archive(user)];
    for (const tag of all) {
      expect(tag).toContain(user);
      expect(tag).not.toBe(tags.rates());
    }
  });
});
