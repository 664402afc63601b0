'use client';

import { Field } from './form';
import { NEW_PASSWORD_HINT } from '@/lib/auth/schemas';
import type { FormState } from '@/lib/forms';

/** A new password and its confirmation, with the strength rule as the hint. */
export function NewPasswordFields({ name, label, confirmLabel, state }: { name: string; label: string; confirmLabel: string; state: FormState }) {
  return (
    <>
      <Field label={label} name={name} type="password" autoComplete="new-password" required minLength={10} state={state} hint={NEW_PASSWORD_HINT} />
      <Field label={confirmLabel} name="confirmPassword" type="password" autoComplete="new-password" required state={state} />
    </>
  );
}
