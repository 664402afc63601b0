import { describe, expect, it } from 'vitest';
import { accountMutationTags } from '@/lib/account/tags';
import { allUserTags, tags } from '@/lib/data-cache/tags';

describe('settings mutations invalidate what they change', () => {
  it('display currency: the profile, which every converting page reads', () => {
    expect(accountMutationTags.displayCurrency('u1')).toEqual([tags.profile('u1')]);
  });

  it('password change: nothing cached depends on it', () => {
    expect(accountMutationTags.changePassword()).toEqual([]);
  });

  it('import: every tag of the user, and no shared tag', () => {
    const list = accountMutationTags.importData('u1');
    expect(list).toEqual(allUserTags('u1'));
    expect(list).not.toContain(tags.rates());
    expect(list).not.toContain(tags.articles());
  });

  it('account deletion: every user tag, the holdings\' histories, and authored article pages when any', () => {
    expect(accountMutationTags.deleteAccount('u1', ['h1'], [])).toEqual([...allUserTags('u1'), tags.holding('h1')]);
    expect(accountMutationTags.deleteAccount('u1', [], ['a-b'])).toEqual([...allUserTags('u1'), tags.articles(), tags.article('a-b')]);
  });
});
