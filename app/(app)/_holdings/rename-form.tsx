'use client';

import { useActionState } from 'react';
import { initialFormState } from '@/lib/forms';
import type { HoldingKind } from '@/lib/holdings/kinds';
import { Field, FormMessage, SubmitButton } from '@/app/ui/form';
import { renameHoldingAction } from './actions';
import { HiddenRef } from './hidden-ref';

export function RenameForm({ kind, holdingId, name }: { kind: HoldingKind; holdingId: string; name: string }) {
  const [state, action] = useActionState(renameHoldingAction, initialFormState);
  return (
    <form action={action} className="form" noValidate>
      <HiddenRef kind={kind} holdingId={holdingId} />
      <FormMessage state={state} />
      <Field label="Name" name="name" required minLength={2} maxLength={50} autoComplete="off" defaultValue={name} hint="2 to 50 characters." state={state} />
      <SubmitButton className="btn">Rename</SubmitButton>
    </form>
  );
}
