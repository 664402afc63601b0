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

/** Ids and error wiring shared by every labelled control. */
function fieldWiring(name: string, state: FormState | undefined, hint: string | undefined) {
  const id = `f-${name}`;
  const errors = state?.errors?.[name];
  const describedBy = [errors ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return { id, errors, control: { id, name, 'aria-invalid': errors ? true : undefined, 'aria-describedby': describedBy } as const };
}

/** Label, hint and the error next to the control, announced to screen readers. */
function FieldFrame({ id, label, hint, errors, children }: { id: string; label: string; hint?: string; errors?: string[]; children: React.ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {children}
      {errors && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}

interface FieldProps extends React.InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  state?: FormState;
  hint?: string;
}

/** A labelled input that keeps what the user typed after a failed submit (never a password). */
export function Field({ label, name, state, hint, defaultValue, ...input }: FieldProps) {
  const { id, errors, control } = fieldWiring(name, state, hint);
  const value = input.type === 'password' ? undefined : (state?.values?.[name] ?? defaultValue);
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      <input {...control} defaultValue={value} key={String(value ?? '')} {...input} />
    </FieldFrame>
  );
}

interface TextAreaFieldProps extends React.TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  name: string;
  state?: FormState;
  hint?: string;
}

export function TextAreaField({ label, name, state, hint, defaultValue, ...textarea }: TextAreaFieldProps) {
  const { id, errors, control } = fieldWiring(name, state, hint);
  const value = state?.values?.[name] ?? defaultValue;
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      <textarea {...control} defaultValue={value} key={String(value ?? '')} {...textarea} />
    </FieldFrame>
  );
}

interface SelectProps extends React.SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  name: string;
  state?: FormState;
  hint?: string;
  options: { value: string; label: string }[];
}

export function SelectField({ label, name, state, hint, options, defaultValue, ...select }: SelectProps) {
  const { id, errors, control } = fieldWiring(name, state, hint);
  const value = state?.values?.[name] ?? defaultValue;
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      <select {...control} defaultValue={value} key={String(value ?? '')} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
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
