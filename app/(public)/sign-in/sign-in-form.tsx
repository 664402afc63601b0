'use client';

import { useActionState } from 'react';
import { signInAction } from '../auth-actions';
import { initialFormState } from '@/lib/forms';
import { Field, FormMessage, SubmitButton } from '@/app/ui/form';

export function SignInForm({ next, email }: { next?: string; email?: string }) {
  const [state, action] = useActionState(signInAction, initialFormState);
  return (
    <form action={action} className="form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next ?? ''} />
      <Field label="E-mail" name="email" type="email" autoComplete="email" required state={state} defaultValue={email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required state={state} />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
