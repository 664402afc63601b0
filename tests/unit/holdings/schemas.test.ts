import { describe, expect, it } from 'vitest';
import { idSchema } from '@/lib/fields/form-fields';
import {
  addHoldingSchema,
  deleteHoldingSchema,
  editSnapshotSchema,
  kindSchema,
  moveHoldingSchema,
  nameTakenMessage,
  renameHoldingSchema,
  updateBalanceSchema,
} from '@/lib/holdings/schemas';

const now = new Date('2025-06-15T12:00:00.000Z');
const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe('addHoldingSchema', () => {
  const site = addHoldingSchema('POKER_SITE');
  const asset = addHoldingSchema('ASSET');

  it('accepts a site, trimming the name and keeping the amount exact', () => {
    const parsed = site.parse({ name: '  PokerStars ', amount: '1,250.50', currency: 'EUR' });
    expect(parsed.name).toBe('PokerStars');
    expect(parsed.amount.toFixed(2)).toBe('1250.50');
    expect(parsed.currency).toBe('EUR');
    expect(parsed.assetType).toBeNull();
  });

  it('accepts a zero opening balance', () => {
    expect(site.parse({ name: 'GG', amount: '0', currency: 'USD' }).amount.isZero()).toBe(true);
  });

  it('drops an asset type sent for a site', () => {
    expect(site.parse({ name: 'GG', amount: '1', currency: 'USD', assetType: 'Crypto' }).assetType).toBeNull();
  });

  it('requires a 2-50 character name', () => {
    expect(errorsOf(site.safeParse({ name: ' a ', amount: '1', currency: 'USD' })).name).toBe('Use at least 2 characters.');
    expect(errorsOf(site.safeParse({ name: 'x'.repeat(51), amount: '1', currency: 'USD' })).name).toBe('Use at most 50 characters.');
    expect(site.safeParse({ name: 'x'.repeat(50), amount: '1', currency: 'USD' }).success).toBe(true);
    expect(errorsOf(site.safeParse({ amount: '1', currency: 'USD' })).name).toBe('Enter a name.');
    expect(errorsOf(site.safeParse({ name: 'a\u0007b', amount: '1', currency: 'USD' })).name).toMatch(/control/);
  });

  it.each([
    ['-5', /negative/],
    ['1.234', /2 decimal/],
    ['1e3', /number like/],
    ['', /Enter an amount/],
    ['1000000000000', /exceed/],
  ])('rejects the amount %j', (amount, message) => {
    expect(errorsOf(site.safeParse({ name: 'GG', amount, currency: 'USD' })).amount).toMatch(message);
  });

  it('only takes supported currencies', () => {
    expect(errorsOf(site.safeParse({ name: 'GG', amount: '1', currency: 'BTC' })).currency).toBe('Choose a currency from the list.');
    expect(errorsOf(site.safeParse({ name: 'GG', amount: '1' })).currency).toBe('Choose a currency.');
  });

  it('requires an asset type (max 30) for assets', () => {
    expect(asset.parse({ name: 'Wallet', amount: '1', currency: 'USD', assetType: ' Crypto ' }).assetType).toBe('Crypto');
    expect(errorsOf(asset.safeParse({ name: 'Wallet', amount: '1', currency: 'USD', assetType: ' ' })).assetType).toMatch(/asset type/);
    expect(errorsOf(asset.safeParse({ name: 'Wallet', amount: '1', currency: 'USD', assetType: 'x'.repeat(31) })).assetType).toMatch(/30/);
  });
});

describe('updateBalanceSchema', () => {
  const schema = updateBalanceSchema(now);

  it('defaults an empty or missing time to now', () => {
    expect(schema.parse({ amount: '10', currency: 'USD', recordedAt: '' }).recordedAt).toEqual(now);
    expect(schema.parse({ amount: '10', currency: 'USD' }).recordedAt).toEqual(now);
  });

  it('reads a given time as UTC and range-checks it', () => {
    expect(schema.parse({ amount: '10', currency: 'USD', recordedAt: '2025-06-01T08:15' }).recordedAt).toEqual(new Date('2025-06-01T08:15:00Z'));
    expect(errorsOf(schema.safeParse({ amount: '10', currency: 'USD', recordedAt: '1999-01-01T00:00' })).recordedAt).toMatch(/2000/);
    expect(errorsOf(schema.safeParse({ amount: '10', currency: 'USD', recordedAt: '2025-06-17T00:00' })).recordedAt).toMatch(/future/);
  });
});

describe('editSnapshotSchema', () => {
  it('requires the time', () => {
    expect(errorsOf(editSnapshotSchema(now).safeParse({ amount: '10', recordedAt: '' })).recordedAt).toBe('Enter a date and time.');
    expect(editSnapshotSchema(now).parse({ amount: '10.5', recordedAt: '2025-01-02T03:04' })).toEqual(
      expect.objectContaining({ recordedAt: new Date('2025-01-02T03:04:00Z') }),
    );
  });
});

describe('small forms', () => {
  it('rename uses the same name rules', () => {
    expect(renameHoldingSchema.parse({ name: ' Party ' }).name).toBe('Party');
    expect(renameHoldingSchema.safeParse({ name: 'P' }).success).toBe(false);
  });

  it('move only knows up and down', () => {
    expect(moveHoldingSchema.safeParse({ direction: 'up' }).success).toBe(true);
    expect(moveHoldingSchema.safeParse({ direction: 'top' }).success).toBe(false);
  });

  it('deleting a holding needs the "I understand" box', () => {
    expect(deleteHoldingSchema.safeParse({ confirm: 'yes' }).success).toBe(true);
    expect(errorsOf(deleteHoldingSchema.safeParse({})).confirm).toMatch(/Tick the box/);
  });

  it('ids and kinds from hidden fields must have their shape', () => {
    expect(idSchema.safeParse('cmabc123xyz').success).toBe(true);
    expect(idSchema.safeParse('').success).toBe(false);
    expect(idSchema.safeParse('../x').success).toBe(false);
    expect(idSchema.safeParse(null).success).toBe(false);
    expect(kindSchema.safeParse('ASSET').success).toBe(true);
    expect(kindSchema.safeParse('USER').success).toBe(false);
  });

  it('explains a name clash in the words of the kind', () => {
    expect(nameTakenMessage('POKER_SITE')).toMatch(/a poker site with this name/);
    expect(nameTakenMessage('ASSET')).toMatch(/an asset with this name/);
  });
});
