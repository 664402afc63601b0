import Decimal from 'decimal.js';
import { formatMoney } from '@/lib/domain/money';
import type { SnapshotDto } from '@/lib/holdings/reads';


export function formatSnapshotAmount(snapshot: Pick<SnapshotDto, 'amount' | 'currency'>): string {
  return formatMoney(new Decimal(snapshot.amount), snapshot.currency);
}

/** "+€12.50 (+4.17%)" coloured by sign; "—" without a previous balance. */
export function ChangeText({ change, percent, currency }: { change: Decimal | null; percent: Decimal | null; currency: string }) {
  if (!change) return <span className="muted">—</span>;
  const sign = change.isPositive() && !change.isZero() ? '+' : '';
  const className = change.isZero() ? undefined : change.isNegative() ? 'negative' : 'positive';
  return (
    <span className={className}>
      {sign}
      {formatMoney(change, currency)}
      {percent ? ` (${sign}${percent.toFixed(2)}%)` : ''}
    </span>
  );
}
