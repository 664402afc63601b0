'use client';

import { useActionState } from 'react';
import { FormMessage, SelectField, SubmitButton } from '@/app/ui/form';
import { initialFormState } from '@/lib/forms';
import { updateDisplayCurrencyAction } from './actions';

export function CurrencyForm({ current, options }: { current: string; options: { value: string; label: string }[] }) {
  const [state, action] = useActionState(updateDisplayCurrencyAction, initialFormState);
  return (
    <form action={action} className="form">
      <FormMessage state={state} />
      <SelectField label="Display currency" name="currency" options={options} defaultValue={current} state={state} />
      <div>
        <SubmitButton>Save currency</SubmitButton>
      </div>
    </form>
  );
}
