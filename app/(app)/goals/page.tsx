import { DataTable } from '@/app/ui/data-table';
import type { Metadata } from 'next';
import Decimal from 'decimal.js';
import { requireUser } from '@/lib/auth/session';
import { getProfile } from '@/lib/account/reads';
import { latestRates } from '@/lib/rates/reads';
import { activeGoalOf, listGoals, type GoalDto } from '@/lib/goals/reads';
import { bankrollSummary } from '@/lib/bankroll/reads';
import { evaluateStoredGoal } from '@/lib/goals/progress';
import { GOAL_TYPE_LABELS } from '@/lib/goals/schemas';
import { formatDayLong } from '@/lib/bankroll/chart-series';
import { CURRENCY_OPTIONS, firstParam, type SearchParams } from '@/lib/fields/form-fields';
import { toDayKey } from '@/lib/domain/days';
import { formatMoney } from '@/lib/domain/money';
import { archiveGoalAction } from './actions';
import { GoalForm } from './goal-form';
import { GoalProgressView } from './goal-progress';

export const metadata: Metadata = { title: 'Goals' };

const DONE_MESSAGES: Record<string, string> = {
  created: 'Goal set. It completes itself when you reach 100%.',
  completed: 'Goal set, and you have already reached it: it is marked completed.',
  archived: 'Goal archived.',
};

const day = (iso: string) => formatDayLong(iso.slice(0, 10));

function statusText(goal: GoalDto): string {
  if (goal.status === 'COMPLETED') return `Completed on ${day(goal.completedAt!)}`;
  if (goal.status === 'ARCHIVED') {
    return goal.completedAt ? `Completed on ${day(goal.completedAt)}, archived on ${day(goal.archivedAt!)}` : `Archived on ${day(goal.archivedAt!)}`;
  }
  return 'Active';
}

function ArchiveButton({ goal, label, description }: { goal: GoalDto; label: string; description?: string }) {
  return (
    <form action={archiveGoalAction}>
      <input type="hidden" name="goalId" value={goal.id} />
      <button type="submit" className="btn btn-small" aria-label={description}>
        {label}
      </button>
    </form>
  );
}

export default async function GoalsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const profile = await getProfile(user.id);
  const cur = profile.displayCurrency;
  const [params, summary, rates, goals] = await Promise.all([searchParams, bankrollSummary(user.id, cur), latestRates(), listGoals(user.id)]);
  const today = toDayKey(new Date());
  const active = activeGoalOf(goals);
  const past = goals.filter((g) => g.status !== 'ACTIVE');
  const done = DONE_MESSAGES[firstParam(params.done) ?? ''];

  return (
    <>
      <h1>Goals</h1>
      <p className="lead">
        Aim for a total bankroll or a total profit. You have one goal at a time; it completes itself when your numbers reach 100% of the target.
      </p>
      {done && (
        <p className="form-message ok" role="status">
          {done}
        </p>
      )}

      <section className="card" aria-labelledby="current-goal-heading" style={{ margin: '1rem 0' }}>
        <h2 id="current-goal-heading">Current goal</h2>
        {active ? (
          <>
            <GoalProgressView goal={active} evaluation={evaluateStoredGoal(active, summary, rates)} currency={cur} today={today} />
            <p className="hint">Only one goal can be active. To set a different goal, archive this one first.</p>
            <ArchiveButton goal={active} label="Archive this goal" />
          </>
        ) : (
          <p>You have no active goal. Set one below to track your progress on the dashboard.</p>
        )}
      </section>

      {!active && (
        <section className="card" aria-labelledby="new-goal-heading" style={{ margin: '1rem 0' }}>
          <h2 id="new-goal-heading">Set a new goal</h2>
          <p className="muted">
            Right now your bankroll is {formatMoney(summary.bankroll, cur)} and your profit {formatMoney(summary.profit, cur)}.
          </p>
          <GoalForm
            currencies={CURRENCY_OPTIONS}
            defaultCurrency={cur}
            today={today}
          />
        </section>
      )}

      <h2>Past goals</h2>
      {past.length === 0 ? (
        <p className="empty">Completed and archived goals will be listed here.</p>
      ) : (
        <DataTable
          testId="past-goals"
          caption="Your completed and archived goals, newest first"
          rows={past}
          rowKey={(g) => g.id}
          columns={[
            { header: 'Goal', cell: (g) => GOAL_TYPE_LABELS[g.type] },
            { header: 'Target', num: true, cell: (g) => formatMoney(new Decimal(g.targetAmount), g.currency) },
            { header: 'Set on', cell: (g) => day(g.createdAt) },
            { header: 'Status', cell: (g) => statusText(g) },
            {
              header: <span className="muted">Actions</span>,
              cell: (g) =>
                g.status === 'COMPLETED' ? (
                  <ArchiveButton
                    goal={g}
                    label="Archive"
                    description={`Archive the ${GOAL_TYPE_LABELS[g.type].toLowerCase()} goal of ${formatMoney(new Decimal(g.targetAmount), g.currency)}`}
                  />
                ) : null,
            },
          ]}
        />
      )}
    </>
  );
}
