'use client';

import Link from 'next/link';
import { useActionState, useMemo, useState } from 'react';
import { DataTable } from '@/app/ui/data-table';
import { SelectField, SubmitButton } from '@/app/ui/form';
import { formatMegabytes } from '@/lib/account/messages';
import { CURRENCY_OPTIONS } from '@/lib/fields/form-fields';
import { GAMES, GAME_LABELS, KIND_LABELS, SESSION_KINDS } from '@/lib/sessions/rules';
import { detectMapping } from '@/lib/sessions/tracker-import/detect';
import { DATE_FORMATS, DATE_FORMAT_LABELS, TRACKER_FIELDS, TRACKER_FIELD_LABELS } from '@/lib/sessions/tracker-import/fields';
import { headerSignature, type TrackerMapping } from '@/lib/sessions/tracker-import/mapping';
import { readTrackerCsv } from '@/lib/sessions/tracker-import/table';
import { importTrackerSessionsAction, saveTrackerMappingAction } from './actions';
import { initialImportState, type TrackerImportState } from './state';
import './import.css';

const PREVIEW_ROWS = 5;

interface Props {
  saved: { signature: string; mapping: TrackerMapping }[];
  defaultCurrency: string;
  maxBytes: number;
}

type Source = { name: string; text: string };

/**
 * Step 1 reads the file in the browser (or takes pasted text); step 2 shows its columns, a
 * preview and the mapping (saved for this layout, else guessed); step 3 posts the text and the
 * mapping, which the server checks again from scratch.
 */
export function TrackerImportForm({ saved, defaultCurrency, maxBytes }: Props) {
  const [source, setSource] = useState<Source | null>(null);
  const [pasted, setPasted] = useState('');
  const [readError, setReadError] = useState<string | null>(null);
  // An answer belongs to the file it was given for: a new file hides the previous one's.
  const [version, setVersion] = useState(0);
  const [answeredVersion, setAnsweredVersion] = useState(-1);
  const [importState, importAction] = useActionState(importTrackerSessionsAction, initialImportState);
  const [saveState, saveAction] = useActionState(saveTrackerMappingAction, initialImportState);

  const use = (name: string, text: string) => {
    setVersion((v) => v + 1);
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > maxBytes) {
      setSource(null);
      setReadError(`The file is ${formatMegabytes(bytes)}; the limit is ${formatMegabytes(maxBytes)}.`);
    } else {
      setReadError(null);
      setSource({ name, text });
    }
  };

  const table = useMemo(() => (source ? readTrackerCsv(source.text) : null), [source]);
  const preview = table?.ok ? table.table : null;
  const signature = preview ? headerSignature(preview.header) : null;
  const savedMapping = signature ? saved.find((s) => s.signature === signature)?.mapping : undefined;
  const mapping = useMemo(
    () => (preview ? (savedMapping ?? detectMapping(preview.header, preview.rows.slice(0, 20).map((r) => r.cells), { currency: defaultCurrency })) : null),
    [preview, savedMapping, defaultCurrency],
  );
  const fileError = readError ?? (table && !table.ok ? table.error : null);

  return (
    <>
      <section className="card import-step" aria-labelledby="step-file">
        <h2 id="step-file">1. The CSV file</h2>
        <div className="field">
          <label htmlFor="f-trackerFile">CSV file from your tracker</label>
          <p id="f-trackerFile-hint" className="hint">
            Up to {formatMegabytes(maxBytes)}, with a header row naming the columns. Times are read as UTC.
          </p>
          <input
            id="f-trackerFile"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            aria-describedby={fileError ? 'f-trackerFile-hint f-trackerFile-error' : 'f-trackerFile-hint'}
            aria-invalid={fileError ? true : undefined}
            onChange={async (e) => {
              const file = e.currentTarget.files?.[0];
              if (!file) return;
              if (file.size > maxBytes) {
                setSource(null);
                setReadError(`The file is ${formatMegabytes(file.size)}; the limit is ${formatMegabytes(maxBytes)}.`);
              } else use(file.name, await file.text());
            }}
          />
          {fileError && (
            <p id="f-trackerFile-error" className="field-error" role="alert">
              {fileError}
            </p>
          )}
        </div>
        <details>
          <summary>Or paste the CSV text</summary>
          <div className="field">
            <label htmlFor="f-pasted">CSV text</label>
            <textarea id="f-pasted" rows={6} value={pasted} onChange={(e) => setPasted(e.target.value)} spellCheck={false} />
          </div>
          <button type="button" className="btn" onClick={() => use('pasted text', pasted)} disabled={!pasted.trim()}>
            Preview pasted text
          </button>
        </details>
      </section>

      {preview && mapping && signature && (
        // Keyed by the file: a new file resets the selects to its own saved or detected mapping.
        <form key={`${signature}:${source?.name}:${source?.text.length}`} action={importAction} className="form import-mapping" noValidate onSubmit={() => setAnsweredVersion(version)}>
          <input type="hidden" name="csv" value={source!.text} />
          <section className="import-step" aria-labelledby="step-columns">
            <h2 id="step-columns">2. Columns and preview</h2>
            <p role="status" data-testid="mapping-source">
              {savedMapping
                ? `Using your saved mapping for files with these ${preview.header.length} columns.`
                : `${preview.header.length} columns detected in ${source!.name}; check how each one maps.`}
            </p>
            <DataTable
              testId="import-preview"
              caption={`The first ${Math.min(PREVIEW_ROWS, preview.rows.length)} of ${preview.rows.length} rows of ${source!.name}`}
              rows={preview.rows.slice(0, PREVIEW_ROWS)}
              rowKey={(r) => String(r.line)}
              columns={[{ header: 'Line', num: true, rowHeader: true, cell: (r) => r.line }, ...preview.header.map((h, i) => ({ header: h || `Column ${i + 1}`, cell: (r: { cells: string[] }) => r.cells[i] ?? '' }))]}
            />
            <fieldset className="session-fieldset">
              <legend>What each column is</legend>
              <div className="import-columns">
                {preview.header.map((h, i) => (
                  <div className="field" key={i}>
                    <label htmlFor={`f-col-${i}`}>Column “{h || `Column ${i + 1}`}”</label>
                    <select id={`f-col-${i}`} name={`col-${i}`} defaultValue={mapping.columns[i] ?? ''}>
                      <option value="">Ignore this column</option>
                      {TRACKER_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {TRACKER_FIELD_LABELS[f]}
                        </option>
                      ))}
                    </select>
                  </div>
                ))}
              </div>
            </fieldset>
            <fieldset className="session-fieldset">
              <legend>How the cells are written</legend>
              <div className="import-columns">
                <SelectField label="Date format" name="dateFormat" defaultValue={mapping.dateFormat} options={DATE_FORMATS.map((f) => ({ value: f, label: DATE_FORMAT_LABELS[f] }))} />
                <SelectField
                  label="Duration in"
                  name="durationUnit"
                  defaultValue={mapping.durationUnit}
                  options={[
                    { value: 'minutes', label: 'Minutes' },
                    { value: 'hours', label: 'Hours' },
                  ]}
                />
                <SelectField
                  label="Decimal separator"
                  name="decimalSeparator"
                  defaultValue={mapping.decimalSeparator}
                  options={[
                    { value: '.', label: 'Point (1,234.50)' },
                    { value: ',', label: 'Comma (1.234,50)' },
                  ]}
                />
                <SelectField label="Currency when the file has none" name="defaultCurrency" defaultValue={mapping.defaultCurrency} options={CURRENCY_OPTIONS} />
                <SelectField label="Type when the file has none" name="defaultKind" defaultValue={mapping.defaultKind} options={SESSION_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
                <SelectField label="Game when the file has none" name="defaultGame" defaultValue={mapping.defaultGame} options={GAMES.map((g) => ({ value: g, label: GAME_LABELS[g] }))} />
              </div>
            </fieldset>
          </section>
          <section className="import-step" aria-labelledby="step-import">
            <h2 id="step-import">3. Import</h2>
            <label className="checkbox">
              <input type="checkbox" name="remember" defaultChecked /> Remember this mapping for files with these columns
            </label>
            {answeredVersion === version && (
              <>
                <Outcome state={importState} label="Problems found in the file" />
                <Outcome state={saveState} label="Problems with the mapping" />
              </>
            )}
            <p className="actions">
              <SubmitButton pendingText="Importing…">Import sessions</SubmitButton>
              <button type="submit" className="btn" formAction={saveAction}>
                Save mapping only
              </button>
            </p>
          </section>
        </form>
      )}
    </>
  );
}

/** The action's answer, next to the buttons: the summary, then each bad or skipped row with its line. */
function Outcome({ state, label }: { state: TrackerImportState; label: string }) {
  if (!state.message) return null;
  return (
    <div className="import-outcome">
      <p className={state.ok ? 'form-message ok' : 'form-message error'} role={state.ok ? 'status' : 'alert'}>
        {state.message}
        {state.ok && state.skipped !== undefined && (
          <>
            {' '}
            <Link href="/sessions">See your sessions</Link>
          </>
        )}
      </p>
      {state.problems && state.problems.length > 0 && (
        <ul className="tracker-import-list tracker-import-problems" aria-label={label} data-testid="import-problems">
          {state.problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      {state.skipped && state.skipped.length > 0 && (
        <ul className="tracker-import-list" aria-label="Rows skipped as duplicates" data-testid="import-skipped">
          {state.skipped.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
