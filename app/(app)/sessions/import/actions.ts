'use server';

// Server actions of the import from another tracker's CSV: parse (the file and the mapping the
// form posts; everything is re-checked here, the browser's preview is only a preview) ->
// authorise (the signed-in user; places are matched to that user's own sites only) -> write
// (one transaction, returns its invalidation) -> invalidate. Bad input is a message, never a 500.

import { retryMessage } from '@/lib/auth/service';
import { hit } from '@/lib/auth/rate-limit';
import { requireUser } from '@/lib/auth/session';
import { accountLimits, MAX_IMPORT_BYTES } from '@/lib/account/limits';
import { formatMegabytes } from '@/lib/account/messages';
import { applyInvalidation } from '@/lib/data-cache/apply';
import { db } from '@/lib/db/client';
import { listHoldings } from '@/lib/holdings/reads';
import { applyMapping } from '@/lib/sessions/tracker-import/apply';
import { duplicateMessage } from '@/lib/sessions/tracker-import/duplicates';
import { headerSignature, mappingFromForm, mappingProblems, trackerMappingSchema, type TrackerMapping } from '@/lib/sessions/tracker-import/mapping';
import { readTrackerCsv, type TrackerTable } from '@/lib/sessions/tracker-import/table';
import { importTrackerSessions, saveTrackerMapping } from '@/lib/sessions/writes';
import type { TrackerImportState } from './state';

const NOTHING = 'Nothing was imported.';
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

type Submission = { ok: true; table: TrackerTable; mapping: TrackerMapping; signature: string } | { ok: false; problems: string[] };

/** The file text and the mapping from the form, both checked. */
function readSubmission(formData: FormData): Submission {
  const csv = formData.get('csv');
  if (typeof csv !== 'string' || !csv.trim()) return { ok: false, problems: ['Choose a CSV file (or paste its text) first.'] };
  const bytes = new TextEncoder().encode(csv).length;
  if (bytes > MAX_IMPORT_BYTES) return { ok: false, problems: [`The file is ${formatMegabytes(bytes)}; the limit is ${formatMegabytes(MAX_IMPORT_BYTES)}.`] };
  const read = readTrackerCsv(csv);
  if (!read.ok) return { ok: false, problems: [read.error] };
  const form = Object.fromEntries([...formData].filter((e): e is [string, string] => typeof e[1] === 'string'));
  const parsed = trackerMappingSchema.safeParse(mappingFromForm(form, read.table.header.length));
  if (!parsed.success) return { ok: false, problems: [...new Set(parsed.error.issues.map((i) => i.message))] };
  if (parsed.data.columns.length !== read.table.header.length) return { ok: false, problems: ['The mapping does not match the columns of the file: preview the file again.'] };
  return { ok: true, table: read.table, mapping: parsed.data, signature: headerSignature(read.table.header) };
}

export async function importTrackerSessionsAction(_prev: TrackerImportState, formData: FormData): Promise<TrackerImportState> {
  const user = await requireUser();
  const submission = readSubmission(formData);
  if (!submission.ok) return { message: NOTHING, problems: submission.problems };
  const incomplete = mappingProblems(submission.mapping);
  if (incomplete.length) return { message: NOTHING, problems: incomplete };
  const limit = await hit(accountLimits.importFile(), user.id);
  if (!limit.allowed) return { message: retryMessage(limit.retryAfterSeconds) };

  const sites = (await listHoldings(user.id)).filter((h) => h.kind === 'POKER_SITE').map((h) => ({ id: h.id, name: h.name }));
  const mapped = applyMapping(submission.table, submission.mapping, { now: new Date(), sites });
  if (mapped.problems.length) {
    const more = mapped.hiddenProblems ? [`…and ${plural(mapped.hiddenProblems, 'more problem', 'more problems')}`] : [];
    return { message: `${NOTHING} Fix ${mapped.problems.length + mapped.hiddenProblems === 1 ? 'this row' : 'these rows'} in the file (or the mapping) and import again.`, problems: [...mapped.problems.map((p) => p.message), ...more] };
  }
  const remember = formData.get('remember') === 'on' ? { signature: submission.signature, mapping: submission.mapping } : undefined;
  const outcome = await importTrackerSessions(await db(), user.id, mapped.sessions, { remember });
  if (outcome.status === 'changed-meanwhile') return { message: `${NOTHING} Your sites or venues changed while importing: import again.` };
  applyInvalidation(outcome.invalidation);
  const skipped = outcome.duplicates.length ? `; ${plural(outcome.duplicates.length, 'duplicate', 'duplicates')} skipped` : '';
  return { ok: true, message: `Imported ${plural(outcome.imported, 'session', 'sessions')}${skipped}.`, skipped: outcome.duplicates.map(duplicateMessage) };
}

export async function saveTrackerMappingAction(_prev: TrackerImportState, formData: FormData): Promise<TrackerImportState> {
  const user = await requireUser();
  const submission = readSubmission(formData);
  if (!submission.ok) return { message: 'The mapping was not saved.', problems: submission.problems };
  const saved = await saveTrackerMapping(await db(), user.id, submission.signature, submission.mapping);
  applyInvalidation(saved.invalidation);
  return { ok: true, message: 'Mapping saved: files with these columns will use it next time.' };
}
