'use client';

import { useActionState } from 'react';
import { registerAction } from '../auth-actions';
import { initialFormState } from '@/lib/forms';
import { NewPasswordFields } from '@/app/ui/new-password-fields';
import { Field, FormMessage, SubmitButton } from '@/app/ui/form';

export function RegisterForm() {
  const [state, action] = useActionState(registerAction, initialFormState);
  return (
    <form action={action} className="form" noValidate>
      <FormMessage state={state} />
      <Field label="E-mail" name="email" type="email" autoComplete="email" required state={state} />
      <NewPasswordFields name="password" label="Password" confirmLabel="Confirm password" state={state} />
      <SubmitButton pendingText="Creating account…">Create account</SubmitButton>
    </form>
  );
}
