'use client';

import { useActionState, useState } from 'react';
import { FormMessage, SubmitButton } from '@/app/ui/form';
import { MAX_IMPORT_BYTES } from '@/lib/account/limits';
import { formatMegabytes } from '@/lib/account/messages';
import { initialFormState } from '@/lib/forms';
import { importDataAction } from './actions';

export function ImportForm() {
  const [state, action] = useActionState(importDataAction, initialFormState);
  // Checked here too: a file over the server-action body limit would never reach the action.
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const errors = tooLarge ? [tooLarge] : (state.errors?.file ?? []);
  return (
    <form
      action={action}
      className="form"
      onSubmit={(event) => {
        const file = (event.currentTarget.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
        if (file && file.size > MAX_IMPORT_BYTES) {
          event.preventDefault();
          setTooLarge(`The file is ${formatMegabytes(file.size)}; the limit is ${formatMegabytes(MAX_IMPORT_BYTES)}.`);
        } else setTooLarge(null);
      }}
    >
      {!tooLarge && <FormMessage state={state} />}
      <div className="field">
        <label htmlFor="f-file">Export file (.json or .csv)</label>
        <p id="f-file-hint" className="hint">
          Up to {formatMegabytes(MAX_IMPORT_BYTES)}. The whole file is checked first; if anything is wrong, nothing is imported.
        </p>
        <input
          id="f-file"
          name="file"
          type="file"
          accept=".json,.csv,application/json,text/csv"
          required
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={errors.length ? 'f-file-hint f-file-error' : 'f-file-hint'}
        />
        {errors.length > 0 && (
          <ul id="f-file-error" className="import-errors" role="alert" aria-label="Problems found in the file">
            {errors.map((error, i) => (
              <li key={i}>{error}</li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <SubmitButton pendingText="Importing…">Import</SubmitButton>
      </div>
    </form>
  );
}
