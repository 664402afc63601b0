'use client';

import Link from 'next/link';
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

interface EndFormProps {
  action: Action;
  tournament: boolean;
  /** What the result may update (lib/sessions/balance-target.ts): the site, a cash asset, or nothing. */
  balanceKind: 'POKER_SITE' | 'ASSET' | null;
  cashAssets: { id: string; name: string; currency: string }[];
  currency: string;
}

export function EndForm({ action: serverAction, tournament, balanceKind, cashAssets, currency }: EndFormProps) {
  const [state, action] = useActionState(serverAction, initialFormState);
  const v = (name: string) => state.values?.[name];
  const balanceError = [...(state.errors?.updateBalance ?? []), ...(state.errors?.balanceAssetId ?? [])];
  const errorText = balanceError.length > 0 && (
    <p id="f-updateBalance-error" className="field-error" role="alert">
      {balanceError.join(' ')}
    </p>
  );
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
      {balanceKind === 'POKER_SITE' && (
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" name="updateBalance" defaultChecked={v('updateBalance') === 'on'} aria-describedby={errorText ? 'f-updateBalance-error' : 'f-updateBalance-hint'} /> Update the
            site&apos;s balance with this result
          </label>
          <p id="f-updateBalance-hint" className="hint">
            Adds a balance snapshot: the previous balance plus this session&apos;s result.
          </p>
          {errorText}
        </div>
      )}
      {balanceKind === 'ASSET' && cashAssets.length === 0 && (
        <p className="hint" data-testid="no-cash-asset">
          To let a live session update your cash, <Link href="/assets/new">add an asset</Link> of type &quot;Cash&quot;.
        </p>
      )}
      {balanceKind === 'ASSET' && cashAssets.length > 0 && (
        <div className="field">
          <label htmlFor="f-balanceAssetId">Update a cash asset with this result</label>
          <select id="f-balanceAssetId" name="balanceAssetId" defaultValue={v('balanceAssetId') ?? ''} aria-describedby={errorText ? 'f-updateBalance-error' : 'f-balanceAssetId-hint'} aria-invalid={errorText ? true : undefined}>
            <option value="">No, leave my assets as they are</option>
            {cashAssets.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.currency})
              </option>
            ))}
          </select>
          <p id="f-balanceAssetId-hint" className="hint">
            Adds a balance snapshot to that asset: its previous balance plus this session&apos;s result.
          </p>
          {errorText}
        </div>
      )}
      <SubmitButton>End session</SubmitButton>
    </form>
  );
}
