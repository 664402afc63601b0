'use client';

import { useActionState } from 'react';
import { initialFormState } from '@/lib/forms';
import { Field, FormMessage, SelectField, SubmitButton } from '@/app/ui/form';
import { createGoalAction } from './actions';

interface Props {
  currencies: { value: string; label: string }[];
  defaultCurrency: string;
  today: string;
}

export function GoalForm({ currencies, defaultCurrency, today }: Props) {
  const [state, action] = useActionState(createGoalAction, initialFormState);
  return (
    <form action={action} className="form" noValidate aria-labelledby="new-goal-heading">
      <FormMessage state={state} />
      <SelectField
        label="Goal type"
        name="type"
        state={state}
        defaultValue="BANKROLL"
        options={[
          { value: 'BANKROLL', label: 'Bankroll: reach a total bankroll' },
          { value: 'PROFIT', label: 'Profit: reach a total profit' },
        ]}
      />
      <Field label="Target amount" name="targetAmount" inputMode="decimal" autoComplete="off" required state={state} hint="Greater than 0, up to 2 decimals, e.g. 5000 or 5,000.00." />
      <SelectField label="Currency" name="currency" state={state} defaultValue={defaultCurrency} options={currencies} />
      <Field label="End date (optional)" name="endDate" type="date" min={today} state={state} hint="Leave empty for no deadline. It cannot be in the past." />
      <SubmitButton pendingText="Saving…">Set goal</SubmitButton>
    </form>
  );
}
