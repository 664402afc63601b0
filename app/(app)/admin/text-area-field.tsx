'use client';

import type { FormState } from '@/lib/forms';

interface TextAreaFieldProps extends React.TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  name: string;
  state?: FormState;
  hint?: string;
}

/** The textarea twin of app/ui/form.tsx's Field: error next to it, typed text kept on failure. */
export function TextAreaField({ label, name, state, hint, defaultValue, ...textarea }: TextAreaFieldProps) {
  const errors = state?.errors?.[name];
  const id = `f-${name}`;
  const describedBy = [errors ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  const value = state?.values?.[name] ?? defaultValue;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <textarea id={id} name={name} aria-invalid={errors ? true : undefined} aria-describedby={describedBy} defaultValue={value} key={String(value ?? '')} {...textarea} />
      {errors && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}
