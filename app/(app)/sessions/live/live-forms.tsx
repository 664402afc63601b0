'use client';

import { useActionState } from 'react';
import { initialFormState, type FormState } from '@/lib/forms';
import { Field, FormMessage, SubmitButton } from '@/app/ui/form';

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

export function RebuyForm({ action: serverAction, currency }: { action: Action; currency: string }) {
  const [state, action] = useActionState(serverAction, initialFormState);
  return (
    <form action={action} className="form-inline" noValidate aria-label="Add a rebuy">
      <FormMessage state={state} />
      <Field label={`Rebuy or add-on (${currency})`} name="amount" inputMode="decimal" autoComplete="off" state={state} />
      <SubmitButton className="btn">Add rebuy</SubmitButton>
    </form>
  );
}

export function EndForm({ action: serverAction, tournament, online, currency }: { action: Action; tournament: boolean; online: boolean; currency: string }) {
  const [state, action] = useActionState(serverAction, initialFormState);
  const v = (name: string) => state.values?.[name];
  const balanceError = state.errors?.updateBalance;
  return (
    <form action={action} className="form session-form" noValidate aria-label="End the session">
      <FormMessage state={state} />
      <div className="session-row">
        <Field label={`Cash-out (${currency})`} name="cashOut" inputMode="decimal" autoComplete="off" state={state} hint="0 if you lost it all." />
        <Field label="Expenses and tips" name="expenses" inputMode="decimal" autoComplete="off" state={state} hint="Optional." />
      </div>
      {tournament && (
        <div className="session-row">
          <Field label="Place" name="place" inputMode="numeric" autoComplete="off" state={state} hint="Optional." />
          <Field label="Field size" name="fieldSize" inputMode="numeric" autoComplete="off" state={state} hint="Optional." />
        </div>
      )}
      <div className="session-row">
        <Field label="Hands played" name="hands" inputMode="numeric" autoComplete="off" state={state} hint="Optional." />
        <Field label="Breaks (minutes)" name="breakMinutes" inputMode="numeric" autoComplete="off" state={state} hint="Optional." />
      </div>
      <Field label="Notes" name="notes" maxLength={500} autoComplete="off" state={state} hint="Optional." />
      <Field label="Tags" name="tags" autoComplete="off" state={state} hint="Optional, separated by commas." />
      {online && (
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" name="updateBalance" defaultChecked={v('updateBalance') === 'on'} aria-describedby={balanceError ? 'f-updateBalance-error' : 'f-updateBalance-hint'} /> Update the
            site&apos;s balance with this result
          </label>
          <p id="f-updateBalance-hint" className="hint">
            Adds a balance snapshot: the previous balance plus this session&apos;s result.
          </p>
          {balanceError && (
            <p id="f-updateBalance-error" className="field-error" role="alert">
              {balanceError.join(' ')}
            </p>
          )}
        </div>
      )}
      <SubmitButton>End session</SubmitButton>
    </form>
  );
}
