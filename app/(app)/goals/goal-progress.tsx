import Decimal from 'decimal.js';
import { formatMoney } from '@/lib/domain/money';
import { formatDayLong } from '@/lib/bankroll/chart-series';
import { GOAL_TYPE_LABELS } from '@/lib/goals/schemas';
import type { GoalEvaluation } from '@/lib/goals/progress';
import type { GoalDto } from '@/lib/goals/reads';
import type { DayKey } from '@/lib/domain/days';

/** The active goal's target, progress bar and due date (dashboard and goals page). */
export function GoalProgressView({ goal, evaluation, currency, today }: { goal: GoalDto; evaluation: GoalEvaluation; currency: string; today: DayKey }) {
  const kind = GOAL_TYPE_LABELS[goal.type];
  const target = formatMoney(new Decimal(goal.targetAmount), goal.currency);
  const percent = `${evaluation.progress.percent.toString()}%`;
  const ofText = `${formatMoney(evaluation.current, currency)} of ${formatMoney(evaluation.target, currency)}`;
  return (
    <div data-testid="goal-progress">
      <p style={{ marginTop: 0 }}>
        <strong>
          {kind} goal: {target}
        </strong>
        {goal.currency !== currency && <span className="muted"> (≈ {formatMoney(evaluation.target, currency)})</span>}
        {goal.endDate && (
          <span className="muted">
            {' '}
            · {goal.endDate < today ? `end date ${formatDayLong(goal.endDate)} has passed` : `by ${formatDayLong(goal.endDate)}`}
          </span>
        )}
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-label={`Progress towards your ${kind.toLowerCase()} goal`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={evaluation.progress.barPercent}
        aria-valuetext={`${percent}: ${ofText}`}
      >
        <span style={{ width: `${evaluation.progress.barPercent}%` }} />
      </div>
      <p data-testid="goal-percent">
        <strong>{percent}</strong> <span className="muted">({ofText})</span>
      </p>
      {evaluation.reached && goal.status === 'ACTIVE' && (
        <p className="form-message ok" role="status">
          Target reached! The goal is marked completed with your next balance update or transfer.
        </p>
      )}
    </div>
  );
}
