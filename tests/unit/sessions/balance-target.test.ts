import { describe, expect, it } from 'vitest';
import { balanceKindFor, balanceTarget } from '@/lib/sessions/balance-target';
import { isCashAsset } from '@/lib/holdings/kinds';

const online = { siteId: 'site1', venueId: null };
const live = { siteId: null, venueId: 'venue1' };
const orphan = { siteId: null, venueId: null };
const none = { updateBalance: false, balanceAssetId: null };

describe('balanceTarget: which holding a session may update', () => {
  it('nothing without a choice, wherever it was played', () => {
    for (const place of [online, live, orphan]) expect(balanceTarget(place, none)).toBeNull();
  });

  it('an online session updates its own site, never a cash asset', () => {
    expect(balanceTarget(online, { updateBalance: true, balanceAssetId: null })).toEqual({ kind: 'POKER_SITE', holdingId: 'site1' });
    expect(balanceTarget(online, { updateBalance: false, balanceAssetId: 'cash1' })).toEqual({ refused: expect.stringContaining('not a cash asset') });
  });

  it('a live session updates the cash asset chosen, and needs one', () => {
    expect(balanceTarget(live, { updateBalance: false, balanceAssetId: 'cash1' })).toEqual({ kind: 'ASSET', holdingId: 'cash1' });
    expect(balanceTarget(live, { updateBalance: true, balanceAssetId: 'cash1' })).toEqual({ kind: 'ASSET', holdingId: 'cash1' });
    expect(balanceTarget(live, { updateBalance: true, balanceAssetId: null })).toEqual({ refused: expect.stringContaining('Choose the cash asset') });
  });

  it('a session whose site was deleted updates nothing', () => {
    expect(balanceTarget(orphan, { updateBalance: true, balanceAssetId: null })).toHaveProperty('refused');
    expect(balanceKindFor(orphan)).toBeNull();
    expect(balanceKindFor(online)).toBe('POKER_SITE');
    expect(balanceKindFor(live)).toBe('ASSET');
  });
});

describe('isCashAsset', () => {
  it('is an asset of type Cash, whatever its case and spaces', () => {
    expect(isCashAsset({ kind: 'ASSET', assetType: 'Cash' })).toBe(true);
    expect(isCashAsset({ kind: 'ASSET', assetType: ' cash ' })).toBe(true);
    expect(isCashAsset({ kind: 'ASSET', assetType: 'Bank account' })).toBe(false);
    expect(isCashAsset({ kind: 'ASSET', assetType: null })).toBe(false);
    expect(isCashAsset({ kind: 'POKER_SITE', assetType: 'Cash' })).toBe(false);
  });
});
