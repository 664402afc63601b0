'use client';

import { useActionState } from 'react';
import { registerAction } from '../auth-actions';
import { initialFormState } from '@/lib/forms';
import { Field, FormMessage, SubmitButton } from '@/app/ui/form';

export function RegisterForm() {
  const [state, action] = useActionState(registerAction, initialFormState);
  return (
    <form action={action} className="form" noValidate>
      <FormMessage state={state} />
      <Field label="E-mail" name="email" type="email" autoComplete="email" required state={state} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        state={state}
        hint="At least 10 characters, mixing letters with a digit or symbol."
      />
      <Field label="Confirm password" name="confirmPassword" type="password" autoComplete="new-password" required state={state} />
      <SubmitButton pendingText="Creating account…">Create account</SubmitButton>
    </form>
  );
}
