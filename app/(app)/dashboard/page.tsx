import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { listHoldings } from '@/lib/data/holdings';
import { listTransfers } from '@/lib/data/transfers';
import { latestRates } from '@/lib/data/rates';
import { getProfile } from '@/lib/data/profile';
import { summarize } from '@/lib/bankroll/summary';
import { formatMoney } from '@/lib/domain/money';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const user = await requireUser();
  const [profile, holdings, transfers, rates] = await Promise.all([
    getProfile(user.id),
    listHoldings(user.id),
    listTransfers(user.id),
    latestRates(),
  ]);
  const cur = profile.displayCurrency;
  const s = summarize(holdings, transfers, cur, rates);
  const fmt = (d: Parameters<typeof formatMoney>[0]) => formatMoney(d, cur);

  if (holdings.length === 0) {
    return (
      <>
        <h1>Dashboard</h1>
        <div className="empty">
          <h2>Welcome! Let&apos;s set up your bankroll.</h2>
          <p>Start by adding the poker sites where you keep money, with their current balance.</p>
          <p className="actions" style={{ justifyContent: 'center' }}>
            <Link className="btn btn-primary" href="/sites/new">
              Add your first poker site
            </Link>
            <Link className="btn" href="/assets/new">
              Add an asset
            </Link>
          </p>
        </div>
      </>
    );
  }

  return (
    <>
      <h1>Dashboard</h1>
      <section className="grid" aria-label="Totals">
        <div className="card">
          <p className="stat-label">Total bankroll</p>
          <p className="stat" data-testid="total-bankroll">{fmt(s.bankroll)}</p>
        </div>
        <div className="card">
          <p className="stat-label">Profit</p>
          <p className={`stat ${s.profit.isNegative() ? 'negative' : 'positive'}`} data-testid="total-profit">
            {fmt(s.profit)}
          </p>
        </div>
        <div className="card">
          <p className="stat-label">Deposits</p>
          <p className="stat" data-testid="total-deposits">{fmt(s.deposits)}</p>
        </div>
        <div className="card">
          <p className="stat-label">Withdrawals</p>
          <p className="stat" data-testid="total-withdrawals">{fmt(s.withdrawals)}</p>
        </div>
      </section>
      <h2>Breakdown</h2>
      <div className="table-wrap">
        <table>
          <caption className="muted">Values in {cur} at today&apos;s rates</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col" className="num">Current</th>
              <th scope="col" className="num">Previous</th>
              <th scope="col" className="num">Change</th>
              <th scope="col" className="num">In {cur}</th>
            </tr>
          </thead>
          <tbody>
            {s.rows.map((r) => (
              <tr key={r.holding.id}>
                <td>{r.holding.name}</td>
                <td>{r.holding.kind === 'POKER_SITE' ? 'Poker site' : (r.holding.assetType ?? 'Asset')}</td>
                <td className="num">{r.current ? formatMoney(r.current, r.holding.current!.currency) : '—'}</td>
                <td className="num">{r.previous ? formatMoney(r.previous, r.holding.previous!.currency) : '—'}</td>
                <td className={`num ${r.change?.isNegative() ? 'negative' : r.change?.isPositive() ? 'positive' : ''}`}>
                  {r.change ? `${formatMoney(r.change, r.holding.current!.currency)}${r.changePercent ? ` (${r.changePercent.toFixed(2)}%)` : ''}` : '—'}
                </td>
                <td className="num">{r.currentDisplay ? fmt(r.currentDisplay) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
