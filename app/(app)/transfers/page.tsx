import type { Metadata } from 'next';
import Link from 'next/link';
import Decimal from 'decimal.js';
import { requireUser } from '@/lib/auth/session';
import { getProfile } from '@/lib/account/reads';
import { filterTransfers, listTransfers, type TransferDto } from '@/lib/transfers/reads';
import { latestRates } from '@/lib/rates/reads';
import { convert } from '@/lib/domain/currency';
import { formatMoney } from '@/lib/domain/money';
import { sumTransfers } from '@/lib/domain/totals';
import { formatDayLong } from '@/lib/bankroll/chart-series';
import { firstParam, type SearchParams } from '@/lib/fields/form-fields';
import { DataTable } from '@/app/ui/data-table';
import { DateRangeFields, FilterForm, FilterSelect } from '@/app/ui/filter-form';
import { TRANSFER_TYPE_LABELS, isFiltered, parseTransferFilter } from '@/lib/transfers/schemas';

export const metadata: Metadata = { title: 'Deposits & withdrawals' };

const DONE_MESSAGES: Record<string, string> = {
  deposit: 'Deposit saved.',
  withdrawal: 'Withdrawal saved.',
  updated: 'Changes saved.',
  deleted: 'Transfer deleted.',
};

const TRANSFER_TYPES = [
  { value: 'DEPOSIT', label: 'Deposits' },
  { value: 'WITHDRAWAL', label: 'Withdrawals' },
];

const asMoney = (list: TransferDto[]) => list.map((t) => ({ amount: new Decimal(t.amount), currency: t.currency }));

export default async function TransfersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const [params, profile, all, rates] = await Promise.all([searchParams, getProfile(user.id), listTransfers(user.id), latestRates()]);
  const cur = profile.displayCurrency;
  const { filter, problems } = parseTransferFilter(params);
  const shown = filterTransfers(all, filter);
  const deposits = sumTransfers(asMoney(shown.filter((t) => t.type === 'DEPOSIT')), cur, rates);
  const withdrawals = sumTransfers(asMoney(shown.filter((t) => t.type === 'WITHDRAWAL')), cur, rates);
  const done = DONE_MESSAGES[firstParam(params.done) ?? ''];
  const filtered = isFiltered(filter);

  return (
    <>
      <h1>Deposits &amp; withdrawals</h1>
      <p className="lead">Money you put into poker and took out of it. Profit is your bankroll minus deposits plus withdrawals.</p>
      {done && (
        <p className="form-message ok" role="status">
          {done}
        </p>
      )}
      <p className="actions">
        <Link className="btn btn-primary" href="/transfers/new?type=DEPOSIT">
          Add a deposit
        </Link>
        <Link className="btn" href="/transfers/new?type=WITHDRAWAL">
          Add a withdrawal
        </Link>
      </p>

      {all.length === 0 ? (
        <div className="empty">
          <h2>No deposits or withdrawals yet</h2>
          <p>Record the money you put into poker (and what you cash out) so StakeEasy can work out your profit.</p>
        </div>
      ) : (
        <>
          <FilterForm path="/transfers" label="Filter the list" active={filtered}>
            <FilterSelect name="type" label="Type" value={filter.type} options={TRANSFER_TYPES} />
            <DateRangeFields values={filter} />
          </FilterForm>
          {problems.map((p) => (
            <p key={p} className="form-message error" role="alert">
              {p}
            </p>
          ))}

          <section className="grid" aria-label={filtered ? 'Totals of the filtered list' : 'Totals'}>
            <div className="card">
              <p className="stat-label">Deposits{filtered ? ' (filtered)' : ''}</p>
              <p className="stat" data-testid="transfers-deposits">
                {formatMoney(deposits, cur)}
              </p>
            </div>
            <div className="card">
              <p className="stat-label">Withdrawals{filtered ? ' (filtered)' : ''}</p>
              <p className="stat" data-testid="transfers-withdrawals">
                {formatMoney(withdrawals, cur)}
              </p>
            </div>
            <div className="card">
              <p className="stat-label">Net deposited{filtered ? ' (filtered)' : ''}</p>
              <p className="stat" data-testid="transfers-net">
                {formatMoney(deposits.minus(withdrawals), cur)}
              </p>
            </div>
          </section>

          <h2>
            {shown.length} {shown.length === 1 ? 'transfer' : 'transfers'}
          </h2>
          {shown.length === 0 ? (
            <p className="empty">No deposits or withdrawals match this filter.</p>
          ) : (
            <DataTable
              testId="transfers-table"
              caption={`Newest first; totals above are in ${cur} at today's rates`}
              rows={shown}
              rowKey={(t) => t.id}
              columns={[
                { header: 'Date', cell: (t) => t.occurredOn },
                { header: 'Type', cell: (t) => TRANSFER_TYPE_LABELS[t.type] },
                { header: 'Amount', num: true, cell: (t) => formatMoney(new Decimal(t.amount), t.currency) },
                { header: `In ${cur}`, num: true, cell: (t) => formatMoney(convert(new Decimal(t.amount), t.currency, cur, rates), cur) },
                { header: 'Note', cell: (t) => t.note ?? <span className="muted">—</span> },
                {
                  header: 'Actions',
                  cell: (t) => {
                    const what = `${TRANSFER_TYPE_LABELS[t.type].toLowerCase()} of ${formatMoney(new Decimal(t.amount), t.currency)} on ${formatDayLong(t.occurredOn)}`;
                    return (
                      <span className="actions">
                        <Link href={`/transfers/${encodeURIComponent(t.id)}/edit`} aria-label={`Edit ${what}`}>
                          Edit
                        </Link>
                        <Link href={`/transfers/${encodeURIComponent(t.id)}/delete`} aria-label={`Delete ${what}`}>
                          Delete
                        </Link>
                      </span>
                    );
                  },
                },
              ]}
            />
          )}
        </>
      )}
    </>
  );
}
