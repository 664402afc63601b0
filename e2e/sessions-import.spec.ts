import { expect, test } from '@playwright/test';
import { signUpAndIn } from './helpers';
import { addHolding, chooseTrackerCsv, importPageReady } from './tables/ui';

// A new player on a phone brings their history from another tracker: uploads its CSV export,
// sees the columns it detected and a preview, corrects one mapping, imports, and sees the
// sessions and statistics. A second file with bad rows is refused with each line named and
// nothing written; importing the first file again skips its sessions as duplicates; the mapping
// saved with the first import is prefilled for a file with the same columns.

test.use({ viewport: { width: 375, height: 740 } });

/** "YYYY-MM-DD HH:MM" (UTC) `days` before today at `hour`:00, as the other tracker writes it. */
const at = (days: number, hour: number) => {
  const d = new Date(Date.now() - days * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()} ${String(hour).padStart(2, '0')}:00`;
};

// "Poker Bankroll Tracker"-style export: day-first dates, a length in minutes, the venue under
// "Place", and a "Remarks" column the detection does not know.
const HEADER = 'Start,Length,Place,Variant,Blinds,Buy In,Cashed Out,Remarks';
const GOOD = [
  HEADER,
  `${at(3, 19)},240,Stars,NLH,0.5/1,100,250.50,"good table, deep"`,
  `${at(2, 20)},90,Aria Casino,PLO,1/2,300,200,tilted`,
  `${at(1, 18)},120,Aria Casino,NLH,1/2,200,260,`,
].join('\n');

test('import sessions from another tracker: detect, preview, map, import; bad rows refused with their lines; duplicates skipped; mapping remembered', async ({ page }) => {
  test.setTimeout(120_000);
  await signUpAndIn(page, 'tracker-import');
  await addHolding(page, 'sites', { name: 'Stars', amount: '500.00' });

  await page.goto('/sessions');
  await page.getByRole('link', { name: 'Import from another tracker' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import sessions from another tracker');

  // Step 2: the columns detected, and the first rows in a labelled, focusable scroll region.
  await chooseTrackerCsv(page, GOOD, 'pbt-export.csv');
  await expect(page.getByTestId('mapping-source')).toHaveText('8 columns detected in pbt-export.csv; check how each one maps.');
  const preview = page.getByRole('region', { name: 'The first 3 of 3 rows of pbt-export.csv' });
  await expect(preview).toHaveAttribute('tabindex', '0');
  await expect(preview.getByRole('columnheader')).toHaveText(['Line', ...HEADER.split(',')]);
  await expect(preview.getByRole('row')).toHaveCount(4);
  await expect(preview.getByRole('rowheader')).toHaveText(['2', '3', '4']);
  await expect(page.getByLabel('Column “Start”')).toHaveValue('start');
  await expect(page.getByLabel('Column “Length”')).toHaveValue('duration');
  await expect(page.getByLabel('Column “Place”')).toHaveValue('venue');
  await expect(page.getByLabel('Column “Blinds”')).toHaveValue('stakes');
  await expect(page.getByLabel('Column “Buy In”')).toHaveValue('buyIn');
  await expect(page.getByLabel('Column “Cashed Out”')).toHaveValue('cashOut');
  await expect(page.getByLabel('Date format')).toHaveValue('DD/MM/YYYY');
  // The one the detection left out: the remarks are notes.
  await expect(page.getByLabel('Column “Remarks”')).toHaveValue('');
  await page.getByLabel('Column “Remarks”').selectOption('notes');
  // The page fits the phone: only the preview region scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  await page.getByRole('button', { name: 'Import sessions' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(/^Imported 3 sessions\./);

  // +150.50 at the site, −100 and +60 live: +110.50 over 7 h 30 m.
  await page.goto('/sessions');
  await expect(page.getByTestId('sessions-table').locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('sessions-profit')).toHaveText('$110.50');
  await expect(page.getByTestId('sessions-hours')).toHaveText('7h 30m');
  await expect(page.getByTestId('sessions-table')).toContainText('Stars');
  await expect(page.getByTestId('sessions-table')).toContainText('Aria Casino');
  await page.goto('/sessions/stats');
  await expect(page.getByTestId('stats-sessions')).toHaveText('3');
  await expect(page.getByTestId('stats-profit')).toHaveText('$110.50');
  // The notes came from the column mapped by hand.
  await page.goto('/sessions');
  await page.getByTestId('sessions-table').getByRole('link').last().click();
  await expect(page.getByText('good table, deep')).toBeVisible();

  // A file with bad rows: every bad line named, nothing written, the good row not imported either.
  const bad = [
    HEADER,
    `${at(5, 19)},60,Aria Casino,NLH,1/2,100,150,fine`,
    `31/02/2025 19:00,60,Aria Casino,NLH,1/2,100,150,no such day`,
    `${at(4, 19)},soon,Aria Casino,NLH,1/2,100,150,`,
    `${at(4, 21)},60,Aria Casino,NLH,1/2,100,lots,`,
    `${at(4, 23)},60,,NLH,1/2,100,150,`,
  ].join('\n');
  await page.goto('/sessions/import');
  await chooseTrackerCsv(page, bad, 'bad-rows.csv');
  // Same columns as the first file: its saved mapping (with the hand-made "Remarks" choice) is used.
  await expect(page.getByTestId('mapping-source')).toHaveText('Using your saved mapping for files with these 8 columns.');
  await expect(page.getByLabel('Column “Remarks”')).toHaveValue('notes');
  await page.getByRole('button', { name: 'Import sessions' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was imported' })).toContainText('Fix these rows');
  const problems = page.getByRole('list', { name: 'Problems found in the file' });
  await expect(problems.getByRole('listitem')).toHaveText([
    'line 3: "Start" "31/02/2025 19:00" is not a date and time (DD/MM/YYYY HH:MM) or a time',
    'line 4: "Length" "soon" is not a duration in minutes',
    'line 5: "Cashed Out" "lots" is not an amount (decimal separator ".")',
    'line 6: "Place": Name the live venue',
  ]);
  await page.goto('/sessions');
  await expect(page.getByTestId('sessions-table').locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('sessions-profit')).toHaveText('$110.50');

  // The first file again, plus one new session: the three known ones are skipped, not doubled.
  await page.goto('/sessions/import');
  await chooseTrackerCsv(page, `${GOOD}\n${at(1, 22)},60,Aria Casino,NLH,1/2,100,125,`, 'pbt-export-2.csv');
  await page.getByRole('button', { name: 'Import sessions' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(/^Imported 1 session; 3 duplicates skipped\./);
  await expect(page.getByRole('list', { name: 'Rows skipped as duplicates' }).getByRole('listitem')).toHaveCount(3);
  await page.goto('/sessions');
  await expect(page.getByTestId('sessions-table').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('sessions-profit')).toHaveText('$135.50');
});

test('the import page answers bad files with a message, never an error page', async ({ page }) => {
  await signUpAndIn(page, 'tracker-import-bad');
  await page.goto('/sessions/import');
  await importPageReady(page);
  await page.getByLabel('CSV file from your tracker').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('Date,Profit\n') });
  await expect(page.locator('#f-trackerFile-error')).toHaveText('The file has a header row but no sessions.');
  await page.getByLabel('CSV file from your tracker').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('Date,Profit\n"2026-01-01,5\n') });
  await expect(page.locator('#f-trackerFile-error')).toContainText('line 2: a quoted cell is never closed');
  // A mapping that cannot make sessions is refused before any row is read.
  await chooseTrackerCsv(page, 'Day,Stuff\n2026-01-01,5\n', 'odd.csv');
  await page.getByRole('button', { name: 'Import sessions' }).click();
  await expect(page.getByRole('list', { name: 'Problems found in the file' })).toContainText('Map a column to "End" or "Duration"');
});
