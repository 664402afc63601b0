import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { getProfile } from '@/lib/account/reads';
import { CURRENCY_OPTIONS } from '@/lib/fields/form-fields';
import { createSessionAction } from '../actions';
import { SessionForm } from '../session-form';
import { loadPlaces, placeOptions } from '../places';
import { toLocalInput } from '../values';

export const metadata: Metadata = { title: 'Log a session' };

export default async function NewSessionPage() {
  const user = await requireUser();
  const [profile, places] = await Promise.all([getProfile(user.id), loadPlaces(user.id)]);
  const now = new Date();
  return (
    <>
      <p>
        <Link href="/sessions">← Sessions</Link>
      </p>
      <h1>Log a session</h1>
      <SessionForm
        action={createSessionAction}
        values={{ currency: places.sites[0]?.currency ?? profile.displayCurrency, start: toLocalInput(new Date(now.getTime() - 3 * 3600_000).toISOString()), end: toLocalInput(now.toISOString()) }}
        places={placeOptions(places)}
        currencies={CURRENCY_OPTIONS}
        submitLabel="Save session"
      />
    </>
  );
}
