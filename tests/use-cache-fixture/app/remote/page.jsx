import { Suspense } from 'react';
import { connection } from 'next/server';
import { cacheLife, cacheTag } from 'next/cache';
import { readValue } from '../../data.mjs';
import { saveAndRevalidate, saveAndUpdate } from '../actions.js';
import { VALUE_TAG } from '../tags.js';

async function cachedValue() {
  'use cache: remote';
  cacheTag(VALUE_TAG);
  cacheLife({ stale: 0, revalidate: 3600, expire: 86400 });
  return { value: await readValue(), renderedAt: Date.now() };
}

async function Value() {
  await connection();
  const { value, renderedAt } = await cachedValue();
  return (
    <p>
      value=<span id="value">{value}</span> rendered=<span id="rendered">{renderedAt}</span>
    </p>
  );
}

export default function Page() {
  return (
    <main>
      <Suspense fallback={<p>loading</p>}>
        <Value />
      </Suspense>
      <form id="update" action={saveAndUpdate}>
        <input name="value" />
        <button type="submit">Save (updateTag)</button>
      </form>
      <form id="revalidate" action={saveAndRevalidate}>
        <input name="value" />
        <button type="submit">Save (revalidateTag max)</button>
      </form>
    </main>
  );
}
