'use client';

import { useActionState } from 'react';
import { initialFormState } from '@/lib/forms';
import type { HoldingKind } from '@/lib/holdings/kinds';
import { Field, FormMessage, SubmitButton } from '@/app/ui/form';
import { deleteSnapshotAction, editSnapshotAction } from './actions';
import { HiddenRef } from './hidden-ref';

interface SnapshotFormProps {
  kind: HoldingKind;
  holdingId: string;
  snapshotId: string;
}

export function EditSnapshotForm({ amount, recordedAt, currency, ...ref }: SnapshotFormProps & { amount: string; recordedAt: string; currency: string }) {
  const [state, action] = useActionState(editSnapshotAction, initialFormState);
  return (
    <form action={action} className="form" noValidate>
      <HiddenRef {...ref} />
      <FormMessage state={state} />
      <Field label={`Balance (${currency})`} name="amount" required inputMode="decimal" autoComplete="off" defaultValue={amount} hint="Up to 2 decimals." state={state} />
      <Field label="Date and time (UTC)" name="recordedAt" type="datetime-local" required defaultValue={recordedAt} hint="Read as UTC, not your local time." state={state} />
      <SubmitButton>Save snapshot</SubmitButton>
    </form>
  );
}

export function DeleteSnapshotForm(ref: SnapshotFormProps) {
  const [state, action] = useActionState(deleteSnapshotAction, initialFormState);
  return (
    <form action={action} className="form">
      <HiddenRef {...ref} />
      <FormMessage state={state} />
      <div className="actions">
        <SubmitButton className="btn btn-danger" pendingText="Deleting…">
          Delete snapshot
        </SubmitButton>
      </div>
    </form>
  );
}
