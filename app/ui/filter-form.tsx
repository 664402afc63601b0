import Form from 'next/form';
import Link from 'next/link';
import type { ReactNode } from 'react';

// A list's filter is a GET form: filtering changes nothing, so it lives in the URL, can be
// bookmarked and works before the page's scripts run.

interface FilterFormProps {
  /** The list's own path: the form's action and where "Clear filter" leads. */
  path: string;
  /** Names the search landmark ("Filter sessions"). */
  label: string;
  /** Whether any filter is set (shows "Clear filter"). */
  active: boolean;
  className?: string;
  children: ReactNode;
}

export function FilterForm({ path, label, active, className = 'form-inline card', children }: FilterFormProps) {
  return (
    <Form action={path} className={className} role="search" aria-label={label} style={{ margin: '1rem 0' }}>
      {children}
      <button type="submit" className="btn">
        Filter
      </button>
      {active && (
        <Link href={path} className="btn">
          Clear filter
        </Link>
      )}
    </Form>
  );
}

interface FilterSelectProps {
  name: string;
  label: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
}

/** A select whose first choice, "All", sets no filter. */
export function FilterSelect({ name, label, value, options }: FilterSelectProps) {
  const id = `filter-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Options whose value is their label (stakes, tags). */
export const plainOptions = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

interface DateRangeProps {
  values: { from?: string; to?: string };
  errors?: { from?: string; to?: string };
  labels?: { from: string; to: string };
}

/** ?from= and ?to= as date inputs, each with its error next to it. */
export function DateRangeFields({ values, errors = {}, labels = { from: 'From', to: 'To' } }: DateRangeProps) {
  return (['from', 'to'] as const).map((key) => {
    const id = `filter-${key}`;
    const error = errors[key];
    return (
      <div className="field" key={key}>
        <label htmlFor={id}>{labels[key]}</label>
        <input
          id={id}
          name={key}
          type="date"
          min="2000-01-01"
          defaultValue={values[key] ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  });
}
