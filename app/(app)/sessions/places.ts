import 'server-only';
import { listHoldings } from '@/lib/holdings/reads';
import { listVenues } from '@/lib/sessions/reads';
import { holdingPath, isCashAsset } from '@/lib/holdings/kinds';
import { filterOptionsOf, venueLabel, type SessionDto, type SessionFilterOptions } from '@/lib/sessions/rules';

export interface Places {
  sites: { id: string; name: string; currency: string }[];
  venues: { id: string; name: string }[];
  /** The assets a live session can update when it ends (see lib/sessions/balance-target.ts). */
  cashAssets: { id: string; name: string; currency: string }[];
  /** Every asset's name: a session's snapshot may be in one no longer of the cash type. */
  assetNames: Record<string, string>;
}

/** The user's poker sites and remembered live venues: the "where" of every session form and list. */
export async function loadPlaces(userId: string): Promise<Places> {
  const [holdings, venues] = await Promise.all([listHoldings(userId), listVenues(userId)]);
  const brief = (h: { id: string; name: string; currency: string }) => ({ id: h.id, name: h.name, currency: h.currency });
  return {
    sites: holdings.filter((h) => h.kind === 'POKER_SITE').map(brief),
    venues,
    cashAssets: holdings.filter(isCashAsset).map(brief),
    assetNames: Object.fromEntries(holdings.filter((h) => h.kind === 'ASSET').map((h) => [h.id, h.name])),
  };
}

/** The site or asset whose balance this session's result went into, for the session pages. */
export function balanceHoldingOf(s: Pick<SessionDto, 'snapshotHoldingId'>, places: Places): { name: string; href: string; word: 'site' | 'cash asset' } | null {
  const id = s.snapshotHoldingId;
  if (!id) return null;
  const site = places.sites.find((h) => h.id === id);
  if (site) return { name: site.name, href: holdingPath('POKER_SITE', id), word: 'site' };
  const asset = places.assetNames[id];
  return asset === undefined ? null : { name: asset, href: holdingPath('ASSET', id), word: 'cash asset' };
}

export function placeOptions(places: Places): { value: string; label: string }[] {
  return [
    ...places.sites.map((s) => ({ value: `site:${s.id}`, label: `${s.name} (online)` })),
    ...places.venues.map((v) => ({ value: `venue:${v.id}`, label: `${v.name} (live)` })),
    { value: 'new', label: 'A new live venue…' },
  ];
}

/** Options of the filter built from the sessions themselves (or their cached options): only values that can match. */
export function filterChoices(sessions: SessionDto[] | SessionFilterOptions, places: Places) {
  const { stakes, tags, venueKeys } = Array.isArray(sessions) ? filterOptionsOf(sessions) : sessions;
  const venues = venueKeys.map((key) => ({ value: key, label: venueLabel(key, places) })).sort((a, b) => a.label.localeCompare(b.label));
  return { stakes, tags, venues };
}

