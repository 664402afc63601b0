import type { Metadata } from 'next';
import Link from 'next/link';
import Decimal from 'decimal.js';
import { requireUser } from '@/lib/auth/session';
import { getProfile } from '@/lib/account/reads';
import { formatMoney } from '@/lib/domain/money';
import { CURRENCY_OPTIONS, firstParam, type SearchParams } from '@/lib/fields/form-fields';
import { runningSession } from '@/lib/sessions/reads';
import { GAME_LABELS, KIND_LABELS, stakesLabel, totalBuyIn, venueKey, venueLabel } from '@/lib/sessions/rules';
import { Elapsed } from '@/app/(app)/_sessions/elapsed';
import { addRebuyAction, endSessionAction, startSessionAction } from '../actions';
import { SessionForm } from '../session-form';
import { loadPlaces, placeOptions } from '../places';
import { formatWhen } from '../values';
import { EndForm, RebuyForm } from './live-forms';
import { balanceKindFor } from '@/lib/sessions/balance-target';

export const metadata: Metadata = { title: 'Live session' };

const DONE: Record<string, string> = { started: 'Session started. Good luck!', rebuy: 'Rebuy added.' };

/** The live timer: start a session now, add rebuys while it runs, end it with the cash-out. */
export default async function LiveSessionPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const [params, profile, running, places] = await Promise.all([searchParams, getProfile(user.id), runningSession(user.id), loadPlaces(user.id)]);
  const done = DONE[firstParam(params.done) ?? ''];
  const another = firstParam(params.another) === '1';
  const startForm = (
    <SessionForm
      action={startSessionAction}
      mode="start"
      running={running !== null}
      values={{ currency: places.sites[0]?.currency ?? profile.displayCurrency }}
      places={placeOptions(places)}
      currencies={CURRENCY_OPTIONS}
      submitLabel="Start session"
    />
  );
  if (!running) {
    return (
      <>
        <p>
          <Link href="/sessions">← Sessions</Link>
        </p>
        <h1>Start a session</h1>
        <p className="lead">The timer starts now and keeps running on the server: close the page, sign out, come back later.</p>
        {startForm}
      </>
    );
  }
  const money = (v: Decimal | string) => formatMoney(new Decimal(v), running.currency);
  const where = venueLabel(venueKey(running), places);
  const stakes = stakesLabel(running);
  return (
    <>
      <p>
        <Link href="/sessions">← Sessions</Link>
      </p>
      <h1>Session running</h1>
      {done && (
        <p className="form-message ok" role="status">
          {done}
        </p>
      )}
      <section className="card" aria-label="The running session">
        <p className="stat" style={{ margin: 0 }}>
          <Elapsed since={running.startedAt} renderedAt={new Date().getTime()} />
        </p>
        <p className="muted" style={{ margin: '.25rem 0 0' }}>
          {KIND_LABELS[running.kind]} · {GAME_LABELS[running.game]}
          {stakes ? ` · ${stakes}` : ''} at {where}, since {formatWhen(running.startedAt)}
        </p>
        <p style={{ marginBottom: 0 }}>
          Total buy-in so far: <strong data-testid="running-buy-in">{money(totalBuyIn(running))}</strong>
        </p>
      </section>
      <h2>Rebuy</h2>
      <RebuyForm action={addRebuyAction} currency={running.currency} />
      <h2>End the session</h2>
      <EndForm action={endSessionAction} tournament={running.kind === 'TOURNAMENT'} balanceKind={balanceKindFor(running)} cashAssets={places.cashAssets} currency={running.currency} />
      <h2>Start a different session</h2>
      {another ? (
        startForm
      ) : (
        <p>
          <Link href="/sessions/live?another=1">Start another session instead…</Link> (you will be asked what to do with this one)
        </p>
      )}
      <p>
        <Link href={`/sessions/${encodeURIComponent(running.id)}/delete`}>Discard this session…</Link>
      </p>
    </>
  );
}
