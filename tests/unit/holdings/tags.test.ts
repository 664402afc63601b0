import { describe, expect, it } from 'vitest';
import { tags } from '@/lib/data-cache/tags';
import { holdingMutationTags } from '@/lib/holdings/tags';

const user = 'u1';
const holding = 'h1';

// The reads of lib/holdings/reads.ts and the tag each is cached under.
const reads = {
  listHoldings: tags.holdings(user), // names, order, current/previous balances
  holdingHistory: tags.holding(holding), // one holding's snapshots (history page)
  userSnapshots: tags.snapshots(user), // every snapshot (dashboard chart)
};

describe('holdingMutationTags', () => {
  it.each(['updateBalance', 'editSnapshot', 'deleteSnapshot'] as const)('%s expires balances, that history and the charts', (mutation) => {
    expect(holdingMutationTags[mutation](user, holding)).toEqual([reads.listHoldings, reads.holdingHistory, reads.userSnapshots]);
  });

  it.each(['updateBalance', 'editSnapshot', 'deleteSnapshot'] as const)('%s also expires what the streak/achievement bookkeeping changed', (mutation) => {
    const progress = [tags.profile(user), tags.achievements(user)];
    expect(holdingMutationTags[mutation](user, holding, progress)).toEqual([...Object.values(reads), ...progress]);
  });

  it('create expires the list and the charts (a fresh id has no cached history) plus progress', () => {
    expect(holdingMutationTags.create(user)).toEqual([reads.listHoldings, reads.userSnapshots]);
    expect(holdingMutationTags.create(user, [tags.profile(user)])).toEqual([reads.listHoldings, reads.userSnapshots, tags.profile(user)]);
  });

  it('rename and reorder only change the list (the history page reads the name from it)', () => {
    expect(holdingMutationTags.rename(user)).toEqual([reads.listHoldings]);
    expect(holdingMutationTags.reorder(user)).toEqual([reads.listHoldings]);
  });

  it('deleting a holding expires everything that showed it or its snapshots', () => {
    expect(holdingMutationTags.deleteHolding(user, holding)).toEqual([reads.listHoldings, reads.holdingHistory, reads.userSnapshots]);
  });

  it('never touches another user or shared data', () => {
    const all = [
      ...holdingMutationTags.create(user),
      ...holdingMutationTags.updateBalance(user, holding),
      ...holdingMutationTags.rename(user),
      ...holdingMutationTags.deleteHolding(user, holding),
    ];
    for (const tag of all) expect(tag.includes(user) || tag.includes(holding)).toBe(true);
    expect(all).not.toContain(tags.rates());
  });
});
