import Form from 'next/form';
import Link from 'next/link';
import type { ParsedHistoryFilter } from '@/lib/holdings/dates';

/** A GET form: filtering changes nothing, so it lives in the URL (?from=&to=) and can be bookmarked. */
export function HistoryFilter({ path, parsed }: { path: string; parsed: ParsedHistoryFilter }) {
  const active = Boolean(parsed.values.from || parsed.values.to);
  return (
    <Form action={path} className="form-inline" role="search" aria-label="Filter the history by date" style={{ marginBottom: '1rem' }}>
      {(['from', 'to'] as const).map((key) => {
        const id = `history-${key}`;
        const error = parsed.errors[key];
        return (
          <div className="field" key={key}>
            <label htmlFor={id}>{key === 'from' ? 'From (UTC day)' : 'To (UTC day)'}</label>
            <input
              id={id}
              name={key}
              type="date"
              min="2000-01-01"
              defaultValue={parsed.values[key]}
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
      })}
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
