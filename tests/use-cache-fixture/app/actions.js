'use server';
import { redirect } from 'next/navigation';
import { revalidateTag, updateTag } from 'next/cache';
import { writeValue } from '../data.mjs';
import { VALUE_TAG } from './tags.js';

// Both redirect to a page that reads nothing cached, so the instance that ran the action does
// not regenerate the entry itself: the tests then see exactly what another instance serves.

/** Read-your-own-writes: the tag expires at once. */
export async function saveAndUpdate(formData) {
  await writeValue(String(formData.get('value') ?? ''));
  updateTag(VALUE_TAG);
  redirect('/done');
}

/** Stale-while-revalidate: the old value may be served once while it is regenerated. */
export async function saveAndRevalidate(formData) {
  await writeValue(String(formData.get('value') ?? ''));
  revalidateTag(VALUE_TAG, 'max');
  redirect('/done');
}
