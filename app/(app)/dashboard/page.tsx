import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { latestRates } from '@/lib/rates/reads';
import { getProfile } from '@/lib/account/reads';
import { formatMoney } from '@/lib/domain/money';
import { toDayKey } from '@/lib/domain/days';
import { activeStreak } from '@/lib/domain/streaks';
import { activeGoalOf, listGoals } from '@/lib/goals/reads';
import { evaluateStoredGoal } from '@/lib/goals/progress';
import { bankrollChart, bankrollSummary } from '@/lib/bankroll/reads';
import { BankrollChart } from '@/app/ui/chart';
import { DataTable } from '@/app/ui/data-table';
import { GoalProgressView } from '../goals/goal-progress';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const user = await requireUser();
  const today = toDayKey(new Date());
  const profile = await getProfile(user.id);
  const cur = profile.displayCurrency;
  const [s, rates, goals, chart] = await Promise.all([bankrollSummary(user.id, cur), latestRates(), listGoals(user.id), bankrollChart(user.id, cur, today)]);
  const goal = activeGoalOf(goals);
  const streak = activeStreak({ current: profile.streakCurrent, longest: profile.streakLongest, lastActionOn: profile.lastActionOn }, today);
  const fmt = (d: Parameters<typeof formatMoney>[0]) => formatMoney(d, cur);

  if (s.rows.length === 0) {
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
      <section className="grid" aria-label="Goal and streak" style={{ marginTop: '1rem', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 300px), 1fr))' }}>
        <div className="card">
          <h2>Goal</h2>
          {goal ? (
            <GoalProgressView goal={goal} evaluation={evaluateStoredGoal(goal, s, rates)} currency={cur} today={today} />
          ) : (
            <p>
              No active goal. <Link href="/goals">Set a bankroll or profit goal</Link> to see your progress here.
            </p>
          )}
          {goal && (
            <p style={{ marginBottom: 0 }}>
              <Link href="/goals">Manage goals</Link>
            </p>
          )}
        </div>
        <div className="card">
          <h2>Streak</h2>
          <p className="stat" data-testid="streak-current">
            {streak} {streak === 1 ? 'day' : 'days'}
          </p>
          <p className="hint">
            Longest: {profile.streakLongest} {profile.streakLongest === 1 ? 'day' : 'days'}. Update a balance or record a transfer every day to keep it going.
          </p>
          <p style={{ marginBottom: 0 }}>
            <Link href="/achievements">See your achievements</Link>
          </p>
        </div>
      </section>
      <BankrollChart points={chart.points} tableRows={chart.monthEnds} currency={cur} />
      <h2>Breakdown</h2>
      <DataTable
        testId="breakdown"
        caption={`Values in ${cur} at today's rates`}
        rows={s.rows}
        rowKey={(r) => r.holding.id}
        columns={[
          { header: 'Name', cell: (r) => r.holding.name },
          { header: 'Type', cell: (r) => (r.holding.kind === 'POKER_SITE' ? 'Poker site' : (r.holding.assetType ?? 'Asset')) },
          { header: 'Current', num: true, cell: (r) => (r.current ? formatMoney(r.current, r.holding.current!.currency) : '—') },
          { header: 'Previous', num: true, cell: (r) => (r.previous ? formatMoney(r.previous, r.holding.previous!.currency) : '—') },
          {
            header: 'Change',
            num: true,
            cellClass: (r) => (r.change?.isNegative() ? 'negative' : r.change?.isPositive() ? 'positive' : undefined),
            cell: (r) =>
              r.change ? `${formatMoney(r.change, r.holding.current!.currency)}${r.changePercent ? ` (${r.changePercent.toFixed(2)}%)` : ''}` : '—',
          },
          { header: `In ${cur}`, num: true, cell: (r) => (r.currentDisplay ? fmt(r.currentDisplay) : '—') },
        ]}
      />
    </>
  );
}
