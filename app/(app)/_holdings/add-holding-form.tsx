'use client';

import { useActionState } from 'react';
import { initialFormState } from '@/lib/forms';
import { ASSET_TYPE_SUGGESTIONS, HOLDING_KINDS, type HoldingKind } from '@/lib/holdings/kinds';
import { Field, FormMessage, SelectField, SubmitButton } from '@/app/ui/form';
import { addHoldingAction } from './actions';
import { CURRENCY_OPTIONS } from '@/lib/fields/form-fields';
import { HiddenRef } from './hidden-ref';

export function AddHoldingForm({ kind, displayCurrency }: { kind: HoldingKind; displayCurrency: string }) {
  const [state, action] = useActionState(addHoldingAction, initialFormState);
  const info = HOLDING_KINDS[kind];
  return (
    <form action={action} className="form" noValidate>
      <HiddenRef kind={kind} />
      <FormMessage state={state} />
      <Field label="Name" name="name" required minLength={2} maxLength={50} autoComplete="off" placeholder={info.nameExample} hint="2 to 50 characters." state={state} />
      {kind === 'ASSET' && (
        <>
          <Field label="Asset type" name="assetType" required maxLength={30} list="asset-type-suggestions" autoComplete="off" hint="Cash, Crypto, E-wallet… or your own word." state={state} />
          <datalist id="asset-type-suggestions">
            {ASSET_TYPE_SUGGESTIONS.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </>
      )}
      <Field label="Current balance" name="amount" required inputMode="decimal" autoComplete="off" hint="What it holds today, for example 1250.50 (up to 2 decimals)." state={state} />
      <SelectField label="Currency" name="currency" options={CURRENCY_OPTIONS} defaultValue={displayCurrency} state={state} />
      <SubmitButton pendingText="Adding…">Add {info.singular}</SubmitButton>
    </form>
  );
}
