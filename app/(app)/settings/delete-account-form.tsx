'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/app/ui/form';
import { initialFormState } from '@/lib/forms';
import { deleteAccountAction } from './actions';

export function DeleteAccountForm({ email }: { email: string }) {
  const [state, action] = useActionState(deleteAccountAction, initialFormState);
  return (
    <form action={action} className="form" noValidate>
      <FormMessage state={state} />
      <Field label={`Type your e-mail address (${email}) to confirm`} name="confirmEmail" type="email" autoComplete="off" required state={state} />
      <Field label="Your password" name="password" type="password" autoComplete="current-password" required state={state} />
      <div>
        <SubmitButton className="btn btn-danger" pendingText="Deleting…">
          Delete my account
        </SubmitButton>
      </div>
    </form>
  );
}
