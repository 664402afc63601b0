import Decimal from 'decimal.js';
import { formatMoney } from '@/lib/domain/money';
import { minutesPlayed, type SessionDto } from '@/lib/sessions/rules';
import type { SessionFormValues } from './session-form';

/** "2026-03-14T19:30" (UTC) for datetime-local inputs. */
export const toLocalInput = (iso: string) => iso.slice(0, 16);

/** An ended session as the strings of its edit form. */
export function formValuesOf(s: SessionDto): SessionFormValues {
  const plain = (v: string | null) => (v === null ? '' : new Decimal(v).toString());
  return {
    kind: s.kind,
    game: s.game,
    venue: s.siteId ? `site:${s.siteId}` : s.venueId ? `venue:${s.venueId}` : 'new',
    currency: s.currency,
    smallBlind: plain(s.smallBlind),
    bigBlind: plain(s.bigBlind),
    buyIn: plain(s.buyIn),
    fee: plain(s.fee),
    reEntries: String(s.reEntries),
    rebuys: plain(s.rebuys),
    cashOut: plain(s.cashOut),
    expenses: plain(s.expenses),
    place: s.place === null ? '' : String(s.place),
    fieldSize: s.fieldSize === null ? '' : String(s.fieldSize),
    hands: s.hands === null ? '' : String(s.hands),
    start: toLocalInput(s.startedAt),
    end: s.endedAt ? toLocalInput(s.endedAt) : '',
    breakMinutes: s.breakMinutes ? String(s.breakMinutes) : '',
    notes: s.notes ?? '',
    tags: s.tags.join(', '),
  };
}

/** "Mar 14, 2026, 19:30 UTC" */
export function formatWhen(iso: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: 'UTC' }).format(new Date(iso)) + ' UTC';
}

export function formatResult(amount: Decimal | string, currency: string): string {
  const d = new Decimal(amount);
  return `${d.greaterThan(0) ? '+' : ''}${formatMoney(d, currency)}`;
}

export const resultClass = (amount: Decimal | string | null) => (amount === null ? undefined : new Decimal(amount).isNegative() ? 'negative' : new Decimal(amount).greaterThan(0) ? 'positive' : undefined);

export const playedMinutes = (s: SessionDto) => minutesPlayed(s);
