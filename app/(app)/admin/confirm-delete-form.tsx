'use client';

import { useActionState } from 'react';
import { initialFormState, type FormState } from '@/lib/forms';
import { FormMessage, SubmitButton } from '@/app/ui/form';

/** Deleting needs an explicit tick, checked again by the server action. */
export function ConfirmDeleteForm({ action, id, what }: { action: (state: FormState, formData: FormData) => Promise<FormState>; id: string; what: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <div className="field">
        <label>
          <input type="checkbox" name="confirm" value="yes" aria-invalid={state.errors?.confirm ? true : undefined} /> Yes, delete this {what}. This cannot be undone.
        </label>
      </div>
      <p>
        <SubmitButton className="btn btn-danger" pendingText="Deleting…">
          Delete {what}
        </SubmitButton>
      </p>
    </form>
  );
}
