import 'server-only';
import { listHoldings } from '@/lib/holdings/reads';
import { listVenues } from '@/lib/sessions/reads';
import { stakesLabel, venueKey, venueLabel, type SessionDto } from '@/lib/sessions/rules';

export interface Places {
  sites: { id: string; name: string; currency: string }[];
  venues: { id: string; name: string }[];
}

/** The user's poker sites and remembered live venues: the "where" of every session form and list. */
export async function loadPlaces(userId: string): Promise<Places> {
  const [holdings, venues] = await Promise.all([listHoldings(userId), listVenues(userId)]);
  return { sites: holdings.filter((h) => h.kind === 'POKER_SITE').map((h) => ({ id: h.id, name: h.name, currency: h.currency })), venues };
}

export function placeOptions(places: Places): { value: string; label: string }[] {
  return [
    ...places.sites.map((s) => ({ value: `site:${s.id}`, label: `${s.name} (online)` })),
    ...places.venues.map((v) => ({ value: `venue:${v.id}`, label: `${v.name} (live)` })),
    { value: 'new', label: 'A new live venue…' },
  ];
}

/** Options of the filter built from the sessions themselves: only values that can match. */
export function filterChoices(all: SessionDto[], places: Places) {
  const stakes = [...new Set(all.map(stakesLabel).filter((s): s is string => s !== null))].sort();
  const tags = [...new Set(all.flatMap((s) => s.tags))].sort((a, b) => a.localeCompare(b));
  const venues = [...new Set(all.map(venueKey))].map((key) => ({ value: key, label: venueLabel(key, places) })).sort((a, b) => a.label.localeCompare(b.label));
  return { stakes, tags, venues };
}

