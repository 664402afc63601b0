'use server';

// Server actions for poker sites and assets (one implementation, the kind
// travels in a hidden field and is re-checked against the row). Each one:
// requireUser, parse, write through holding-writes (ownership checked in the
// same query: anything not the user's is a 404 and writes nothing), expire the
// invalidation the write returned, then redirect or report.

import { notFound, redirect } from 'next/navigation';
import { idSchema } from '@/lib/fields/form-fields';
import { requireUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { applyInvalidation } from '@/lib/data-cache/apply';
import { failure, invalid, type FormState } from '@/lib/forms';
import { formatMoney } from '@/lib/domain/money';
import { formatSnapshotTime } from '@/lib/holdings/dates';
import { holdingPath, type HoldingKind } from '@/lib/holdings/kinds';
import {
  addHoldingSchema,
  deleteHoldingSchema,
  editSnapshotSchema,
  kindSchema,
  moveHoldingSchema,
  nameTakenMessage,
  renameHoldingSchema,
  updateBalanceSchema,
} from '@/lib/holdings/schemas';
import {
  appendSnapshot,
  createHolding,
  deleteHolding,
  deleteSnapshot,
  moveHolding,
  renameHolding,
  updateSnapshot,
  type HoldingRef,
} from '@/lib/holdings/writes';

// Hidden fields a user never edits: a malformed value is tampering, answered like a foreign id.
function kindFrom(formData: FormData): HoldingKind {
  const kind = kindSchema.safeParse(formData.get('kind'));
  if (!kind.success) notFound();
  return kind.data;
}

function idFrom(formData: FormData, field: 'holdingId' | 'snapshotId'): string {
  const id = idSchema.safeParse(formData.get(field));
  if (!id.success) notFound();
  return id.data;
}

function refFrom(formData: FormData, userId: string): HoldingRef {
  return { userId, kind: kindFrom(formData), holdingId: idFrom(formData, 'holdingId') };
}

const fields = (formData: FormData) => Object.fromEntries(formData);

export async function addHoldingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const kind = kindFrom(formData);
  const parsed = addHoldingSchema(kind).safeParse(fields(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await createHolding(await db(), user.id, { kind, ...parsed.data });
  if (result.status === 'name-taken') return failure('Please correct the highlighted fields.', formData, { name: [nameTakenMessage(kind)] });
  applyInvalidation(result.invalidation);
  redirect(holdingPath(kind));
}

export async function updateBalanceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const ref = refFrom(formData, user.id);
  const parsed = updateBalanceSchema(new Date()).safeParse(fields(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await appendSnapshot(await db(), ref, parsed.data);
  if (result.status === 'not-found') notFound();
  applyInvalidation(result.invalidation);
  // Says when: a back-dated balance is saved to the history without becoming the current one.
  const when = formatSnapshotTime(parsed.data.recordedAt.toISOString());
  return { ok: true, message: `Balance updated: ${formatMoney(parsed.data.amount, parsed.data.currency)} as of ${when}.` };
}

export async function renameHoldingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const ref = refFrom(formData, user.id);
  const parsed = renameHoldingSchema.safeParse(fields(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await renameHolding(await db(), ref, parsed.data.name);
  if (result.status === 'not-found') notFound();
  if (result.status === 'name-taken') return failure('Please correct the highlighted fields.', formData, { name: [nameTakenMessage(ref.kind)] });
  applyInvalidation(result.invalidation);
  return { ok: true, message: `Renamed to “${parsed.data.name}”.` };
}

/** Move up / Move down: a plain form action, the list re-renders in its new order. */
export async function moveHoldingAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const ref = refFrom(formData, user.id);
  const parsed = moveHoldingSchema.safeParse(fields(formData));
  if (!parsed.success) notFound();
  const result = await moveHolding(await db(), ref, parsed.data.direction);
  if (result.status === 'not-found') notFound();
  if (result.status === 'ok') applyInvalidation(result.invalidation);
}

export async function editSnapshotAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const ref = refFrom(formData, user.id);
  const snapshotId = idFrom(formData, 'snapshotId');
  const parsed = editSnapshotSchema(new Date()).safeParse(fields(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await updateSnapshot(await db(), ref, snapshotId, parsed.data);
  if (result.status === 'not-found') notFound();
  applyInvalidation(result.invalidation);
  redirect(holdingPath(ref.kind, ref.holdingId));
}

export async function deleteSnapshotAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const ref = refFrom(formData, user.id);
  const snapshotId = idFrom(formData, 'snapshotId');
  const result = await deleteSnapshot(await db(), ref, snapshotId);
  if (result.status === 'not-found') notFound();
  if (result.status === 'last-snapshot') {
    return failure('This is the only snapshot left, so it cannot be deleted: it is the current balance. Update the balance or edit this snapshot instead.', formData);
  }
  applyInvalidation(result.invalidation);
  redirect(holdingPath(ref.kind, ref.holdingId));
}

export async function deleteHoldingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const ref = refFrom(formData, user.id);
  const parsed = deleteHoldingSchema.safeParse(fields(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await deleteHolding(await db(), ref);
  if (result.status === 'not-found') notFound();
  applyInvalidation(result.invalidation);
  redirect(holdingPath(ref.kind));
}
