import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { getProfile } from '@/lib/account/reads';
import { bankrollSummary } from '@/lib/bankroll/reads';
import { HOLDING_KINDS, holdingPath, type HoldingKind } from '@/lib/holdings/kinds';
import { formatMoney } from '@/lib/domain/money';
import { DataTable } from '@/app/ui/data-table';
import { ChangeText, formatSnapshotAmount } from './format';
import { MoveButtons } from './move-buttons';

function EmptyState({ kind }: { kind: HoldingKind }) {
  const info = HOLDING_KINDS[kind];
  return (
    <div className="empty">
      <h2>No {info.plural.toLowerCase()} yet</h2>
      {kind === 'POKER_SITE' ? (
        <p>Add each poker site where you keep money, with its balance today. Your bankroll is the total of your sites and assets.</p>
      ) : (
        <p>Add money you keep for poker outside the poker sites: cash, a bank account, crypto or an e-wallet, with its value today.</p>
      )}
      <p className="actions" style={{ justifyContent: 'center' }}>
        <Link className="btn btn-primary" href={`${info.basePath}/new`}>
          Add your first {info.singular}
        </Link>
      </p>
    </div>
  );
}

/** /sites and /assets: the user's holdings of one kind in display order. */
export async function HoldingListPage({ kind }: { kind: HoldingKind }) {
  const user = await requireUser();
  const profile = await getProfile(user.id);
  const info = HOLDING_KINDS[kind];
  const currency = profile.displayCurrency;
  const summary = await bankrollSummary(user.id, currency);
  const rows = summary.rows.filter((r) => r.holding.kind === kind);

  if (rows.length === 0) {
    return (
      <>
        <h1>{info.plural}</h1>
        <EmptyState kind={kind} />
      </>
    );
  }

  return (
    <>
      <h1>{info.plural}</h1>
      <div className="actions" style={{ alignItems: 'center', justifyContent: 'space-between', marginBottom: '1rem' }}>
        <p className="stat" style={{ margin: 0 }}>
          <span className="stat-label">Total in {currency}</span>{' '}
          <span data-testid="holdings-total">{formatMoney(kind === 'POKER_SITE' ? summary.sites : summary.assets, currency)}</span>
        </p>
        <Link className="btn btn-primary" href={`${info.basePath}/new`}>
          Add {info.indefinite}
        </Link>
      </div>
      <DataTable
        caption={`Your ${info.plural.toLowerCase()} in display order; converted to ${currency} at the latest exchange rates.`}
        rows={rows}
        rowKey={(r) => r.holding.id}
        rowTestId="holding-row"
        columns={[
          { header: 'Name', rowHeader: true, cell: ({ holding }) => <Link href={holdingPath(kind, holding.id)}>{holding.name}</Link> },
          kind === 'ASSET' && { header: 'Type', cell: ({ holding }) => holding.assetType ?? '—' },
          { header: 'Current balance', num: true, cell: ({ holding }) => (holding.current ? formatSnapshotAmount(holding.current) : '—') },
          { header: `In ${currency}`, num: true, cell: ({ currentDisplay }) => (currentDisplay ? formatMoney(currentDisplay, currency) : '—') },
          { header: 'Previous', num: true, cell: ({ holding }) => (holding.previous ? formatSnapshotAmount(holding.previous) : '—') },
          {
            header: 'Change',
            num: true,
            cell: ({ holding, change, changePercent }) => (
              <ChangeText change={change} percent={changePercent} currency={holding.current?.currency ?? holding.currency} />
            ),
          },
          {
            header: 'Order',
            num: true,
            cell: ({ holding }, i) => (
              <MoveButtons kind={kind} holdingId={holding.id} name={holding.name} isFirst={i === 0} isLast={i === rows.length - 1} />
            ),
          },
        ]}
      />
    </>
  );
}
