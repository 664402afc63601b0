'use client';

import { useActionState } from 'react';
import Link from 'next/link';
import { resetPasswordAction } from '../../auth-actions';
import { initialFormState } from '@/lib/forms';
import { NewPasswordFields } from '@/app/ui/new-password-fields';
import { FormMessage, SubmitButton } from '@/app/ui/form';

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, initialFormState);
  return (
    <form action={action} className="form" noValidate>
      <FormMessage state={state} />
      {state.errors?.token && (
        <p>
          <Link href="/forgot-password">Ask for a new link</Link>
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields name="password" label="New password" confirmLabel="Confirm new password" state={state} />
      <SubmitButton pendingText="Saving…">Set new password</SubmitButton>
    </form>
  );
}
