import type { z } from 'zod';

// The shape every server action returns to `useActionState`: field errors
// shown next to their inputs, a form-level message, and what the user typed
// so a failed submit does not wipe the form.
export interface FormState {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string[]>;
  values?: Record<string, string>;
}

export const initialFormState: FormState = {};

export function formValues(formData: FormData, omit: string[] = ['password', 'confirmPassword', 'currentPassword', 'newPassword']): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$') && !omit.includes(key)) values[key] = value;
  }
  return values;
}

export function invalid(error: z.ZodError, formData: FormData): FormState {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    (errors[field] ??= []).push(issue.message);
  }
  return { errors, values: formValues(formData), message: 'Please correct the highlighted fields.' };
}

export function failure(message: string, formData: FormData, errors?: Record<string, string[]>): FormState {
  return { message, errors, values: formValues(formData) };
}
