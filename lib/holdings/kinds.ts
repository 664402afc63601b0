// Poker sites and assets are one model (Holding) shown under two routes. Every
// word and path that differs between them lives here, so the pages and actions
// are written once.

export type HoldingKind = 'POKER_SITE' | 'ASSET';

export const HOLDING_KIND_VALUES = ['POKER_SITE', 'ASSET'] as const satisfies readonly HoldingKind[];

export interface HoldingKindInfo {
  kind: HoldingKind;
  /** Route prefix: /sites or /assets. */
  basePath: '/sites' | '/assets';
  /** "Poker sites": page titles and headings. */
  plural: string;
  /** "poker site": inside sentences. */
  singular: string;
  /** "a poker site" / "an asset". */
  indefinite: string;
  /** Example name for the add form's placeholder. */
  nameExample: string;
}

export const HOLDING_KINDS: Readonly<Record<HoldingKind, HoldingKindInfo>> = {
  POKER_SITE: { kind: 'POKER_SITE', basePath: '/sites', plural: 'Poker sites', singular: 'poker site', indefinite: 'a poker site', nameExample: 'PokerStars' },
  ASSET: { kind: 'ASSET', basePath: '/assets', plural: 'Assets', singular: 'asset', indefinite: 'an asset', nameExample: 'Savings account' },
};

/** Suggestions for the free-form asset type (the user may type anything else). */
export const ASSET_TYPE_SUGGESTIONS = ['Cash', 'Bank account', 'Crypto', 'E-wallet', 'Stocks', 'Other'] as const;

/** The asset type of money in the pocket: what a live session is won or lost from. */
export const CASH_ASSET_TYPE = 'Cash';

/** A cash asset: an asset whose (free-form) type is "Cash", whatever its case or spaces. */
export function isCashAsset(holding: { kind: HoldingKind; assetType: string | null }): boolean {
  return holding.kind === 'ASSET' && holding.assetType?.trim().toLowerCase() === CASH_ASSET_TYPE.toLowerCase();
}

/** `/sites`, `/sites/<id>`, `/sites/<id>/delete`... */
export function holdingPath(kind: HoldingKind, holdingId?: string, ...rest: string[]): string {
  return [HOLDING_KINDS[kind].basePath, ...(holdingId ? [encodeURIComponent(holdingId), ...rest.map(encodeURIComponent)] : [])].join('/');
}

