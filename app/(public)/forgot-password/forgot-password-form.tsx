'use client';

import { useActionState } from 'react';
import { forgotPasswordAction } from '../auth-actions';
import { initialFormState } from '@/lib/forms';
import { Field, FormMessage, SubmitButton } from '@/app/ui/form';

export function ForgotPasswordForm({ email }: { email?: string }) {
  const [state, action] = useActionState(forgotPasswordAction, initialFormState);
  return (
    <form action={action} className="form" noValidate>
      <FormMessage state={state} />
      <Field label="E-mail" name="email" type="email" autoComplete="email" required state={state} defaultValue={email} />
      <SubmitButton pendingText="Sending…">Send reset link</SubmitButton>
    </form>
  );
}
