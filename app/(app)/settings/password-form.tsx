'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/app/ui/form';
import { initialFormState } from '@/lib/forms';
import { changePasswordAction } from './actions';

export function PasswordForm() {
  const [state, action] = useActionState(changePasswordAction, initialFormState);
  return (
    <form action={action} className="form" noValidate>
      <FormMessage state={state} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required state={state} />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        state={state}
        hint="At least 10 characters, mixing letters with a digit or symbol."
      />
      <Field label="Confirm new password" name="confirmPassword" type="password" autoComplete="new-password" required state={state} />
      <div>
        <SubmitButton pendingText="Changing…">Change password</SubmitButton>
      </div>
    </form>
  );
}
