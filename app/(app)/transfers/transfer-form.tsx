'use client';

import { useActionState } from 'react';
import { initialFormState, type FormState } from '@/lib/forms';
import { Field, FormMessage, SelectField, SubmitButton } from '@/app/ui/form';

export interface TransferFormValues {
  type: string;
  date: string;
  amount: string;
  currency: string;
  note: string;
}

interface Props {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  values: TransferFormValues;
  currencies: { value: string; label: string }[];
  today: string;
  submitLabel: string;
  /** Set when editing: the transfer being changed. */
  id?: string;
}

/** Add and edit share this form; the server action re-validates everything. */
export function TransferForm({ action: serverAction, values, currencies, today, submitLabel, id }: Props) {
  const [state, action] = useActionState(serverAction, initialFormState);
  return (
    <form action={action} className="form" noValidate style={{ maxWidth: '32rem' }}>
      <FormMessage state={state} />
      {id && <input type="hidden" name="id" value={id} />}
      <SelectField
        label="Type"
        name="type"
        state={state}
        defaultValue={values.type}
        options={[
          { value: 'DEPOSIT', label: 'Deposit (money put into poker)' },
          { value: 'WITHDRAWAL', label: 'Withdrawal (money taken out)' },
        ]}
      />
      <Field label="Date" name="date" type="date" min="2000-01-01" max={today} required state={state} defaultValue={values.date} hint="Between 2000-01-01 and today." />
      <Field label="Amount" name="amount" inputMode="decimal" autoComplete="off" required state={state} defaultValue={values.amount} hint="Greater than 0, up to 2 decimals, e.g. 250 or 1,250.50." />
      <SelectField label="Currency" name="currency" state={state} defaultValue={values.currency} options={currencies} />
      <Field label="Note (optional)" name="note" maxLength={200} autoComplete="off" state={state} defaultValue={values.note} hint="Up to 200 characters." />
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
