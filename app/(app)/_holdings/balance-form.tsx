'use client';

import { useActionState } from 'react';
import { initialFormState } from '@/lib/forms';
import type { HoldingKind } from '@/lib/holdings/kinds';
import { Field, FormMessage, SelectField, SubmitButton } from '@/app/ui/form';
import { updateBalanceAction } from './actions';
import { CURRENCY_OPTIONS } from '@/lib/fields/form-fields';
import { HiddenRef } from './hidden-ref';

export function UpdateBalanceForm({ kind, holdingId, defaultCurrency }: { kind: HoldingKind; holdingId: string; defaultCurrency: string }) {
  const [state, action] = useActionState(updateBalanceAction, initialFormState);
  return (
    <form action={action} className="form" noValidate>
      <HiddenRef kind={kind} holdingId={holdingId} />
      <FormMessage state={state} />
      <Field label="New balance" name="amount" required inputMode="decimal" autoComplete="off" hint="For example 1250.50 (up to 2 decimals)." state={state} />
      <SelectField label="Currency" name="currency" options={CURRENCY_OPTIONS} defaultValue={defaultCurrency} state={state} />
      <Field label="Date and time (UTC)" name="recordedAt" type="datetime-local" hint="Optional: leave empty for now. Read as UTC, not your local time." state={state} />
      <SubmitButton>Update balance</SubmitButton>
    </form>
  );
}
