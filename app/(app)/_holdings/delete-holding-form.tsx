'use client';

import { useActionState } from 'react';
import { initialFormState } from '@/lib/forms';
import { HOLDING_KINDS, type HoldingKind } from '@/lib/holdings/kinds';
import { FormMessage, SubmitButton } from '@/app/ui/form';
import { deleteHoldingAction } from './actions';
import { HiddenRef } from './hidden-ref';

/** The checkbox is the confirmation; the server checks it too. */
export function DeleteHoldingForm({ kind, holdingId, name, snapshotCount }: { kind: HoldingKind; holdingId: string; name: string; snapshotCount: number }) {
  const [state, action] = useActionState(deleteHoldingAction, initialFormState);
  const error = state.errors?.confirm;
  return (
    <form action={action} className="form" noValidate>
      <HiddenRef kind={kind} holdingId={holdingId} />
      <FormMessage state={state} />
      {/* Not a .field: its input styles are meant for text boxes. */}
      <div style={{ display: 'grid', gap: '.25rem' }}>
        <label style={{ display: 'flex', gap: '.6rem', alignItems: 'flex-start', fontWeight: 600 }}>
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            required
            style={{ width: '1.2rem', height: '1.2rem', marginTop: '.2rem', flex: 'none' }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'f-confirm-error' : undefined}
          />
          <span>
            I understand that “{name}” and its {snapshotCount === 1 ? '1 balance snapshot' : `${snapshotCount} balance snapshots`} will be deleted for good.
          </span>
        </label>
        {error && (
          <p id="f-confirm-error" className="field-error" role="alert">
            {error.join(' ')}
          </p>
        )}
      </div>
      <div className="actions">
        <SubmitButton className="btn btn-danger" pendingText="Deleting…">
          Delete {HOLDING_KINDS[kind].singular}
        </SubmitButton>
      </div>
    </form>
  );
}
