import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { getProfile } from '@/lib/account/reads';
import { MAX_IMPORT_BYTES } from '@/lib/account/limits';
import { listTrackerMappings } from '@/lib/sessions/reads';
import { trackerMappingSchema, type TrackerMapping } from '@/lib/sessions/tracker-import/mapping';
import { TrackerImportForm } from './import-form';

export const metadata: Metadata = { title: 'Import sessions from another tracker' };

export default async function TrackerImportPage() {
  const user = await requireUser();
  const [profile, stored] = await Promise.all([getProfile(user.id), listTrackerMappings(user.id)]);
  // A saved mapping of an older shape is ignored (the detection guesses again), never trusted.
  const saved = stored.flatMap((s): { signature: string; mapping: TrackerMapping }[] => {
    const parsed = trackerMappingSchema.safeParse(s.mapping);
    return parsed.success ? [{ signature: s.signature, mapping: parsed.data }] : [];
  });
  return (
    <>
      <p>
        <Link href="/sessions">← Sessions</Link>
      </p>
      <h1>Import sessions from another tracker</h1>
      <p className="lead">
        Export your sessions as CSV from the tracker you used, check how its columns map to StakeEasy&apos;s, and import them. The whole file is checked first: if any row is wrong, nothing is
        imported. Sessions you already have (same start, place and result) are skipped, not doubled.
      </p>
      <TrackerImportForm saved={saved} defaultCurrency={profile.displayCurrency} maxBytes={MAX_IMPORT_BYTES} />
    </>
  );
}
