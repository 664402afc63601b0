'use client';

import { useActionState, useState } from 'react';
import { initialFormState, type FormState } from '@/lib/forms';
import { Field, FormMessage, SelectField, SubmitButton } from '@/app/ui/form';
import { GAMES, GAME_LABELS } from '@/lib/sessions/rules';

export type SessionFormValues = Record<string, string>;

type Options = { value: string; label: string }[];

interface Props {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  values: SessionFormValues;
  places: Options;
  currencies: Options;
  submitLabel: string;
  /** Set when editing. */
  id?: string;
  /** The live timer's start form: no times, no cash-out. */
  mode?: 'log' | 'start';
  /** Start form while another session runs: ask what to do with it. */
  running?: boolean;
}

const GAME_OPTIONS = GAMES.map((g) => ({ value: g, label: GAME_LABELS[g] }));

/** Log, edit and start share this form; the server action re-validates everything. */
export function SessionForm({ action: serverAction, values, places, currencies, submitLabel, id, mode = 'log', running = false }: Props) {
  const [state, action] = useActionState(serverAction, initialFormState);
  const v = (name: string) => state.values?.[name] ?? values[name] ?? '';
  const [kind, setKind] = useState(v('kind') || 'CASH');
  const [venue, setVenue] = useState(v('venue') || places[0]?.value || 'new');
  const cash = kind === 'CASH';
  return (
    <form action={action} className="form session-form" noValidate>
      <FormMessage state={state} />
      {id && <input type="hidden" name="id" value={id} />}
      <fieldset className="session-fieldset">
        <legend>What and where</legend>
        <SelectField
          label="Type"
          name="kind"
          state={state}
          defaultValue={kind}
          onChange={(e) => setKind(e.target.value)}
          options={[
            { value: 'CASH', label: 'Cash game' },
            { value: 'TOURNAMENT', label: 'Tournament' },
          ]}
        />
        <SelectField label="Game" name="game" state={state} defaultValue={v('game') || 'NLHE'} options={GAME_OPTIONS} />
        <SelectField label="Where" name="venue" state={state} defaultValue={venue} onChange={(e) => setVenue(e.target.value)} options={places} hint="One of your poker sites, or a live venue (remembered for next time)." />
        {venue === 'new' && <Field label="Live venue name" name="newVenue" maxLength={50} autoComplete="off" state={state} defaultValue={v('newVenue')} />}
        <SelectField label="Currency" name="currency" state={state} defaultValue={v('currency')} options={currencies} />
      </fieldset>
      <fieldset className="session-fieldset">
        <legend>{cash ? 'Stakes and buy-in' : 'Buy-in'}</legend>
        {cash ? (
          <div className="session-row">
            <Field label="Small blind" name="smallBlind" inputMode="decimal" autoComplete="off" state={state} defaultValue={v('smallBlind')} />
            <Field label="Big blind" name="bigBlind" inputMode="decimal" autoComplete="off" state={state} defaultValue={v('bigBlind')} />
          </div>
        ) : null}
        <div className="session-row">
          <Field label={cash ? 'Buy-in' : 'Buy-in per entry'} name="buyIn" inputMode="decimal" autoComplete="off" state={state} defaultValue={v('buyIn')} hint={cash ? undefined : 'Without the fee.'} />
          {!cash && <Field label="Fee" name="fee" inputMode="decimal" autoComplete="off" state={state} defaultValue={v('fee')} />}
        </div>
        {mode === 'log' && (
          <div className="session-row">
            <Field label="Rebuys and add-ons" name="rebuys" inputMode="decimal" autoComplete="off" state={state} defaultValue={v('rebuys')} hint="Total, on top of the buy-in." />
            {!cash && <Field label="Re-entries" name="reEntries" inputMode="numeric" autoComplete="off" state={state} defaultValue={v('reEntries')} hint="Each costs buy-in + fee." />}
          </div>
        )}
      </fieldset>
      {mode === 'log' && (
        <>
          <fieldset className="session-fieldset">
            <legend>Result</legend>
            <div className="session-row">
              <Field label="Cash-out" name="cashOut" inputMode="decimal" autoComplete="off" state={state} defaultValue={v('cashOut')} hint="0 if you lost it all." />
              <Field label="Expenses and tips" name="expenses" inputMode="decimal" autoComplete="off" state={state} defaultValue={v('expenses')} hint="Optional." />
            </div>
            {!cash && (
              <div className="session-row">
                <Field label="Place" name="place" inputMode="numeric" autoComplete="off" state={state} defaultValue={v('place')} hint="Optional." />
                <Field label="Field size" name="fieldSize" inputMode="numeric" autoComplete="off" state={state} defaultValue={v('fieldSize')} hint="Optional." />
              </div>
            )}
            <Field label="Hands played" name="hands" inputMode="numeric" autoComplete="off" state={state} defaultValue={v('hands')} hint="Optional (online trackers count them): gives bb/100." />
          </fieldset>
          <fieldset className="session-fieldset">
            <legend>When</legend>
            <Field label="Start" name="start" type="datetime-local" state={state} defaultValue={v('start')} hint="Times are UTC." />
            <div className="session-row">
              <Field label="End" name="end" type="datetime-local" state={state} defaultValue={v('end')} />
              <Field label="Or duration (minutes)" name="durationMinutes" inputMode="numeric" autoComplete="off" state={state} defaultValue={v('durationMinutes')} />
            </div>
            <Field label="Breaks (minutes)" name="breakMinutes" inputMode="numeric" autoComplete="off" state={state} defaultValue={v('breakMinutes')} hint="Optional: not counted as time played." />
          </fieldset>
          <fieldset className="session-fieldset">
            <legend>Notes</legend>
            <Field label="Notes" name="notes" maxLength={500} autoComplete="off" state={state} defaultValue={v('notes')} hint="Optional, up to 500 characters." />
            <Field label="Tags" name="tags" autoComplete="off" state={state} defaultValue={v('tags')} hint="Optional, separated by commas (e.g. deep stack, home game)." />
          </fieldset>
        </>
      )}
      {running && (
        <fieldset className="session-fieldset">
          <legend>The running session</legend>
          <label className="checkbox">
            <input type="checkbox" name="whenRunning" value="discard-it" aria-describedby={state.errors?.whenRunning ? 'f-whenRunning-error' : undefined} /> Discard the running session (it is deleted, not saved) and start this one
          </label>
          {state.errors?.whenRunning && (
            <p id="f-whenRunning-error" className="field-error" role="alert">
              {state.errors.whenRunning.join(' ')}
            </p>
          )}
        </fieldset>
      )}
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
