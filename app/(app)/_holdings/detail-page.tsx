import type { Metadata } from 'next';
import Link from 'next/link';
import { currentUser } from '@/lib/auth/session';
import { findHolding, holdingHistory } from '@/lib/holdings/reads';
import { getProfile } from '@/lib/account/reads';
import { latestRates } from '@/lib/rates/reads';
import { summarize } from '@/lib/bankroll/summary';
import { parseHistoryFilter, formatSnapshotTime, type HistoryFilterInput } from '@/lib/holdings/dates';
import { HOLDING_KINDS, holdingPath, type HoldingKind } from '@/lib/holdings/kinds';
import { formatMoney } from '@/lib/domain/money';
import { UpdateBalanceForm } from './balance-form';
import { ChangeText, formatSnapshotAmount } from './format';
import { HistoryFilter } from './history-filter';
import { HistoryTable } from './history-table';
import { loadOwnedHolding } from './load';
import { RenameForm } from './rename-form';

/** The tab title names the holding; anything not the user's gets a generic one (the page itself 404s). */
export async function holdingTitle(kind: HoldingKind, id: string, suffix = ''): Promise<Metadata> {
  const user = await currentUser();
  const holding = user ? await findHolding(user.id, id, kind) : null;
  return { title: holding ? `${holding.name}${suffix}` : HOLDING_KINDS[kind].plural };
}

/** /sites/[id] and /assets/[id]: balance, update form, history with a date filter, rename, delete. */
export async function HoldingDetailPage({ kind, id, searchParams }: { kind: HoldingKind; id: string; searchParams: HistoryFilterInput }) {
  const { user, holding } = await loadOwnedHolding(kind, id);
  const parsed = parseHistoryFilter(searchParams);
  const [profile, rates, all, shown] = await Promise.all([
    getProfile(user.id),
    latestRates(),
    holdingHistory(user.id, holding.id),
    holdingHistory(user.id, holding.id, parsed.filter),
  ]);
  const info = HOLDING_KINDS[kind];
  const path = holdingPath(kind, holding.id);
  const currency = profile.displayCurrency;
  const [row] = summarize({ holdings: [holding], transferSums: [], rates }, currency).rows;
  // New balances default to the currency the holding is kept in now.
  const holdingCurrency = holding.current?.currency ?? holding.currency;

  return (
    <>
      <p>
        <Link href={info.basePath}>← {info.plural}</Link>
      </p>
      <h1>{holding.name}</h1>
      {holding.assetType && <p className="muted">{holding.assetType}</p>}

      <section className="grid" aria-label="Balance">
        <div className="card">
          <p className="stat-label">Current balance</p>
          <p className="stat" data-testid="current-balance">
            {holding.current ? formatSnapshotAmount(holding.current) : '—'}
          </p>
          {holding.current && <p className="muted">as of {formatSnapshotTime(holding.current.recordedAt)}</p>}
          {row.currentDisplay && holding.current?.currency !== currency && (
            <p className="muted">
              ≈ {formatMoney(row.currentDisplay, currency)} at the latest rate
            </p>
          )}
        </div>
        <div className="card">
          <p className="stat-label">Previous balance</p>
          <p className="stat">{holding.previous ? formatSnapshotAmount(holding.previous) : '—'}</p>
          <p className="muted">
            Change: <ChangeText change={row.change} percent={row.changePercent} currency={holdingCurrency} />
          </p>
        </div>
      </section>

      <section aria-labelledby="update-heading">
        <h2 id="update-heading">Update balance</h2>
        <div className="card" style={{ maxWidth: '32rem' }}>
          <UpdateBalanceForm kind={kind} holdingId={holding.id} defaultCurrency={holdingCurrency} />
        </div>
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <HistoryFilter path={path} parsed={parsed} />
        <HistoryTable kind={kind} holdingId={holding.id} name={holding.name} snapshots={shown} totalCount={all.length} filter={parsed.filter} />
      </section>

      <section aria-labelledby="rename-heading">
        <h2 id="rename-heading">Rename</h2>
        <div className="card" style={{ maxWidth: '32rem' }}>
          <RenameForm kind={kind} holdingId={holding.id} name={holding.name} />
        </div>
      </section>

      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete</h2>
        <p>
          Deleting {holding.name} removes it and its whole history from your bankroll.{' '}
          <Link href={holdingPath(kind, holding.id, 'delete')}>
            Delete this {info.singular}…
          </Link>
        </p>
      </section>
    </>
  );
}
