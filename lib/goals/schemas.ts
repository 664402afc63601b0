import { z } from 'zod';
import { GOAL_TYPES, validateGoalEndDate } from '@/lib/domain/goals';
import type { DayKey } from '@/lib/domain/days';
import { currencyField, positiveAmountField } from '@/lib/fields/form-fields';

export const GOAL_TYPE_LABELS = {
  BANKROLL: 'Bankroll',
  PROFIT: 'Profit',
} as const satisfies Record<(typeof GOAL_TYPES)[number], string>;

/** A goal further out than this is a typo, not a plan. */
export const LATEST_GOAL_END: DayKey = '2099-12-31';

export function goalInputSchema(today: DayKey) {
  return z.object({
    type: z.enum(GOAL_TYPES, { error: 'Choose a bankroll or a profit goal' }),
    targetAmount: positiveAmountField,
    currency: currencyField,
    endDate: z
      .string()
      .optional()
      .transform((raw, ctx) => {
        const endDate = raw?.trim() || null;
        const check = validateGoalEndDate(endDate, today);
        const problem = !check.ok ? check.error : endDate && endDate > LATEST_GOAL_END ? 'The end date must be before 2100' : null;
        if (problem) {
          ctx.addIssue({ code: 'custom', message: problem });
          return z.NEVER;
        }
        return endDate;
      }),
  });
}

export type GoalInput = z.output<ReturnType<typeof goalInputSchema>>;
