// The fixture's source of truth: one value in a file both instances share (FIXTURE_DATA_FILE),
// so a render never depends on the Redis the tests pause and kill.
import { readFile, writeFile } from 'node:fs/promises';

export async function readValue() {
  try {
    return (await readFile(/*turbopackIgnore: true*/ process.env.FIXTURE_DATA_FILE ?? '', 'utf8')).trim();
  } catch {
    return 'unset';
  }
}

/** @param {string} value */
export async function writeValue(value) {
  await writeFile(/*turbopackIgnore: true*/ process.env.FIXTURE_DATA_FILE ?? '', value);
}
