import type { HoldingKind } from '@/lib/holdings/kinds';

// Which holding a session's result may update: the one rule, used by the end-session write, the
// end form (what it offers) and the session pages (what they say). An online session updates its
// own site; a live session updates one of the user's cash assets, chosen when it ends (the money
// on the table came from the pocket, not from a poker site). Opt-in: without a choice, nothing.

/** What the end form sends: the site's checkbox (online) or the chosen cash asset (live). */
export interface BalanceChoice {
  updateBalance: boolean;
  balanceAssetId: string | null;
}

export interface BalanceTarget {
  kind: HoldingKind;
  holdingId: string;
}

/** The session's place: a site (online) or a venue (live); both null once its site was deleted. */
export interface SessionPlace {
  siteId: string | null;
  venueId: string | null;
}

/** Which kind of holding the session may update, from where it is played. */
export function balanceKindFor(place: SessionPlace): HoldingKind | null {
  if (place.siteId) return 'POKER_SITE';
  if (place.venueId) return 'ASSET';
  return null;
}

/**
 * The holding to update, `null` when no update was asked, or why the choice cannot be
 * honoured (nothing is then written). Ownership and the asset's type are checked by the write.
 */
export function balanceTarget(place: SessionPlace, choice: BalanceChoice): BalanceTarget | null | { refused: string } {
  const kind = balanceKindFor(place);
  if (!choice.updateBalance && choice.balanceAssetId === null) return null;
  if (kind === 'POKER_SITE') {
    if (choice.balanceAssetId !== null) return { refused: "An online session updates its site's balance, not a cash asset." };
    return { kind, holdingId: place.siteId! };
  }
  if (kind === 'ASSET') {
    if (choice.balanceAssetId === null) return { refused: 'Choose the cash asset this live session was played from.' };
    return { kind, holdingId: choice.balanceAssetId };
  }
  return { refused: 'The site of this session no longer exists.' };
}
