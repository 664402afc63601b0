import { expect, test } from '@playwright/test';
import { PASSWORD, signIn, signOut, signUpAndIn } from './helpers';
import { addHolding, endLiveSession, logSession, startLiveSession } from './tables/ui';

// A new player on a phone: logs a cash game and a tournament, reads the statistics, runs the
// live timer (start, rebuy, reload, sign out and in, end with the site balance update), and
// gets field messages, not errors, for a bad form.

test.use({ viewport: { width: 375, height: 740 } });

/** datetime-local value (UTC) `hours` before now. */
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString().slice(0, 16);

test('sessions: log, statistics, live timer that survives reloads and sign-out, validation', async ({ page }) => {
  test.setTimeout(120_000);
  const email = await signUpAndIn(page, 'sessions');
  const site = await addHolding(page, 'sites', { name: 'Stars', amount: '500.00' });

  // A cash game online (+150 over 2 h, 50 hands at 2 bb... 75 bb won) and a live tournament (−110).
  await logSession(page, { where: 'Stars (online)', blinds: ['1', '2'], buyIn: '200', cashOut: '350', hands: '100', start: hoursAgo(30), end: hoursAgo(28) });
  await expect(page.getByTestId('session-result')).toHaveText('+$150.00');
  await logSession(page, { kind: 'TOURNAMENT', venue: 'Aria', buyIn: '100', fee: '10', cashOut: '0', start: hoursAgo(27), end: hoursAgo(24) });
  await expect(page.getByTestId('session-result')).toHaveText('-$110.00');

  await page.goto('/sessions');
  await expect(page.getByTestId('sessions-table').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('sessions-profit')).toHaveText('$40.00');
  // The venue was remembered for next time.
  await page.goto('/sessions/new');
  await expect(page.getByLabel('Where').locator('option', { hasText: 'Aria (live)' })).toHaveCount(1);

  await page.goto('/sessions/stats');
  await expect(page.getByTestId('stats-profit')).toHaveText('$40.00');
  await expect(page.getByTestId('stats-sessions')).toHaveText('2');
  await expect(page.getByTestId('stats-hours')).toHaveText('5h 00m');
  await expect(page.getByTestId('stats-hourly')).toHaveText('$8.00');
  await expect(page.getByTestId('stats-winning')).toHaveText('50.0%');
  await expect(page.getByTestId('stats-bb100')).toHaveText('75.00 bb');
  await expect(page.getByTestId('stats-roi')).toHaveText('-100.0%');
  await expect(page.getByTestId('stats-itm')).toHaveText('0.0%');
  await expect(page.getByTestId('breakdown-venue')).toContainText('Aria');
  await expect(page.getByTestId('chart-summary')).toContainText('$40.00');
  // A filter narrows the statistics.
  await page.goto('/sessions/stats?kind=CASH');
  await expect(page.getByTestId('stats-profit')).toHaveText('$150.00');
  // The chart's x axis: hours played, the filter kept; the table alternative follows the axis.
  await page.getByTestId('chart-axis-hours').click();
  await expect(page).toHaveURL(/\/sessions\/stats\?kind=CASH&x=hours$/);
  await expect(page.getByTestId('stats-profit')).toHaveText('$150.00');
  await expect(page.getByTestId('chart-summary')).toContainText('h played');
  await expect(page.locator('figure.chart table th[scope="col"]').first()).toHaveText('Hours played');

  // Bad input: messages next to the fields, nothing saved.
  await page.goto('/sessions/new');
  const form = page.locator('form.session-form');
  await form.getByLabel('Where').selectOption({ label: 'Stars (online)' });
  await form.getByLabel('Buy-in').fill('abc');
  await form.getByLabel('Big blind').fill('');
  await form.getByRole('button', { name: 'Save session' }).click();
  await expect(page.locator('#f-buyIn-error')).toContainText('Amount must be a number');
  await expect(page.locator('#f-cashOut-error')).toContainText('Enter the cash-out');
  // What was typed stays; once each field is valid the cross-field rules speak.
  await expect(form.getByLabel('Buy-in')).toHaveValue('abc');
  await form.getByLabel('Buy-in').fill('200');
  await form.getByLabel('Cash-out').fill('10');
  await form.getByRole('button', { name: 'Save session' }).click();
  await expect(page.locator('#f-bigBlind-error')).toHaveText('Enter the big blind of the cash game');
  await expect(page.locator('#f-buyIn-error')).toHaveCount(0);
  await expect(page).toHaveURL(/\/sessions\/new$/);
  await page.goto('/sessions');
  await expect(page.getByTestId('sessions-table').locator('tbody tr')).toHaveCount(2);

  // The live timer.
  await startLiveSession(page, 'Stars (online)', '100');
  await page.getByLabel('Rebuy or add-on (USD)').fill('50');
  await page.getByRole('button', { name: 'Add rebuy' }).click();
  await expect(page.getByRole('status')).toHaveText('Rebuy added.');
  await expect(page.getByTestId('running-buy-in')).toHaveText('$150.00');
  await page.reload();
  await expect(page.getByTestId('running-buy-in')).toHaveText('$150.00');
  await page.goto('/dashboard');
  await expect(page.getByTestId('running-banner')).toBeVisible();
  // A second start asks what to do with the first.
  await page.goto('/sessions/live?another=1');
  const startForm = page.locator('form.session-form', { has: page.getByRole('button', { name: 'Start session' }) });
  await startForm.getByLabel('Where').selectOption({ label: 'Aria (live)' });
  await startForm.getByLabel('Big blind').fill('2');
  await startForm.getByLabel('Small blind').fill('1');
  await startForm.getByLabel('Buy-in').fill('300');
  await startForm.getByRole('button', { name: 'Start session' }).click();
  await expect(page.locator('#f-whenRunning-error')).toHaveText('Choose what to do with the running session');
  // Sign out and in: still running, with its rebuy.
  await signOut(page);
  await signIn(page, email, PASSWORD);
  await expect(page.getByTestId('running-banner')).toBeVisible();
  await page.goto('/sessions/live');
  await expect(page.getByTestId('running-buy-in')).toHaveText('$150.00');

  await endLiveSession(page, '200', true);
  await expect(page.getByTestId('session-result')).toHaveText('+$50.00');
  await expect(page.getByTestId('session-balance-note')).toBeVisible();
  await expect(page.getByTestId('running-banner')).toHaveCount(0);
  await page.goto(`/sites/${site}`);
  await expect(page.getByTestId('current-balance')).toHaveText('$550.00');
  await page.goto('/sessions/stats');
  await expect(page.getByTestId('stats-sessions')).toHaveText('3');
  await expect(page.getByTestId('stats-profit')).toHaveText('$90.00');
  // Logging sessions unlocked the first-session achievement.
  await page.goto('/achievements');
  await expect(page.getByTestId('achievement-SESSION_1')).toContainText('Unlocked on');
});
