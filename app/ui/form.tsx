'use client';

import { useFormStatus } from 'react-dom';
import type { FormState } from '@/lib/forms';

export function SubmitButton({ children, pendingText, className = 'btn btn-primary' }: { children: React.ReactNode; pendingText?: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {pending ? (pendingText ?? 'Saving…') : children}
    </button>
  );
}

interface FieldProps extends React.InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  state?: FormState;
  hint?: string;
}

/** A labelled input whose error sits next to it and is announced to screen readers. */
export function Field({ label, name, state, hint, defaultValue, ...input }: FieldProps) {
  const errors = state?.errors?.[name];
  const id = `f-${name}`;
  const describedBy = [errors ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  const value = input.type === 'password' ? undefined : (state?.values?.[name] ?? defaultValue);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <input id={id} name={name} aria-invalid={errors ? true : undefined} aria-describedby={describedBy} defaultValue={value} key={String(value ?? '')} {...input} />
      {errors && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}

interface SelectProps extends React.SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  name: string;
  state?: FormState;
  options: { value: string; label: string }[];
}

export function SelectField({ label, name, state, options, defaultValue, ...select }: SelectProps) {
  const errors = state?.errors?.[name];
  const id = `f-${name}`;
  const value = state?.values?.[name] ?? defaultValue;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} aria-invalid={errors ? true : undefined} aria-describedby={errors ? `${id}-error` : undefined} defaultValue={value} key={String(value ?? '')} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errors && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}

export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return null;
  return (
    <p className={state.ok ? 'form-message ok' : 'form-message error'} role={state.ok ? 'status' : 'alert'}>
      {state.message}
    </p>
  );
}
