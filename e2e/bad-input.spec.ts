import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { PASSWORD, query, signUpAndIn, submitSignIn } from './helpers';

// Bad input through the real forms: each one is answered next to its field, the field keeps
// what was typed, and nothing reaches the database. Then the limits around the forms:
// oversized uploads and request bodies, and sessions that expired server-side.

/** Everything a user can write, counted straight from the database. */
async function rowsOf(email: string) {
  const [row] = await query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM "Holding" h WHERE h."userId" = u.id) AS holdings,
            (SELECT count(*) FROM "BalanceSnapshot" s JOIN "Holding" h ON h.id = s."holdingId" WHERE h."userId" = u.id) AS snapshots,
            (SELECT count(*) FROM "Transfer" t WHERE t."userId" = u.id) AS transfers,
            (SELECT count(*) FROM "Goal" g WHERE g."userId" = u.id) AS goals
       FROM "User" u WHERE u.email = $1`,
    [email],
  );
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}
const NOTHING = { holdings: 0, snapshots: 0, transfers: 0, goals: 0 };

/** Submits, then expects the message next to `field` and the typed value kept in it. */
async function expectFieldError(page: Page, field: string, message: string | RegExp, kept?: string) {
  await expect(page.locator(`#f-${field}-error`)).toContainText(message);
  await expect(page.locator(`#f-${field}`)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'Please correct the highlighted fields.' })).toBeVisible();
  if (kept !== undefined) await expect(page.locator(`#f-${field}`)).toHaveValue(kept);
}

/** Adds a value the server does not support to a <select> and picks it (a tampered form). */
async function forceOption(page: Page, selectId: string, value: string) {
  await page.locator(`#${selectId}`).evaluate((select: HTMLSelectElement, v) => {
    select.add(new Option(v, v));
    select.value = v;
  }, value);
}

test('bad amounts, names, currencies and dates: message at the field, value kept, nothing written', async ({ page }) => {
  test.setTimeout(120_000);
  const email = await signUpAndIn(page, 'badinput');

  // Sites: 3 decimals, a negative amount, a 10,000-character name, an unknown currency.
  await page.goto('/sites/new');
  await page.getByLabel('Name').fill('Stars');
  await page.getByLabel('Current balance').fill('12.345');
  await page.getByRole('button', { name: 'Add poker site' }).click();
  await expectFieldError(page, 'amount', 'at most 2 decimal places', '12.345');
  await expect(page.getByLabel('Name')).toHaveValue('Stars');

  await page.getByLabel('Current balance').fill('-5');
  await page.getByRole('button', { name: 'Add poker site' }).click();
  await expectFieldError(page, 'amount', 'cannot be negative', '-5');

  // The input's maxlength only limits typing; the server must refuse what a script sends.
  const longName = 'N'.repeat(10_000);
  await page.getByLabel('Name').evaluate((input) => input.removeAttribute('maxlength'));
  await page.getByLabel('Name').fill(longName);
  await page.getByLabel('Current balance').fill('100');
  await page.getByRole('button', { name: 'Add poker site' }).click();
  await expectFieldError(page, 'name', 'at most 50 characters', longName);

  await page.getByLabel('Name').fill('Stars');
  await forceOption(page, 'f-currency', 'XXX');
  await page.getByRole('button', { name: 'Add poker site' }).click();
  await expectFieldError(page, 'currency', 'Choose a currency from the list.');
  await expect(page.getByLabel('Current balance')).toHaveValue('100');

  await page.goto('/sites');
  await expect(page.getByText('No poker sites yet')).toBeVisible();

  // Deposits: a far-future date, an unknown currency, a 3-decimal amount.
  await page.goto('/transfers/new?type=DEPOSIT');
  await page.getByLabel('Date').fill('9999-12-31');
  await page.getByLabel('Amount').fill('250');
  await page.getByRole('button', { name: 'Save' }).click();
  await expectFieldError(page, 'date', 'cannot be in the future', '9999-12-31');
  await expect(page.getByLabel('Amount')).toHaveValue('250');

  await page.getByLabel('Date').fill('2025-01-15');
  await forceOption(page, 'f-currency', 'XXX');
  await page.getByRole('button', { name: 'Save' }).click();
  await expectFieldError(page, 'currency', 'Choose one of the supported currencies');

  await page.goto('/transfers/new?type=WITHDRAWAL');
  await page.getByLabel('Amount').fill('0.001');
  await page.getByLabel('Note (optional)').fill(`'; DROP TABLE "User"; --`);
  await page.getByRole('button', { name: 'Save' }).click();
  await expectFieldError(page, 'amount', 'at most 2 decimal places', '0.001');
  await expect(page.getByLabel('Note (optional)')).toHaveValue(`'; DROP TABLE "User"; --`);

  await page.goto('/transfers');
  await expect(page.getByText('No deposits or withdrawals yet')).toBeVisible();

  // Goals: a target of zero, an end date in the year 9999.
  await page.goto('/goals');
  await page.getByLabel('Target amount').fill('0');
  await page.getByRole('button', { name: 'Set goal' }).click();
  await expectFieldError(page, 'targetAmount', 'greater than 0', '0');

  await page.getByLabel('Target amount').fill('5000');
  await page.getByLabel('End date (optional)').fill('9999-12-31');
  await page.getByRole('button', { name: 'Set goal' }).click();
  await expectFieldError(page, 'endDate', 'before 2100', '9999-12-31');
  await expect(page.getByLabel('Target amount')).toHaveValue('5000');

  await page.goto('/goals');
  await expect(page.getByText('You have no active goal.')).toBeVisible();

  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { name: /set up your bankroll/ })).toBeVisible();
  expect(await rowsOf(email)).toEqual(NOTHING);

  // Free text an attacker types is valid text: stored as typed and shown escaped.
  await page.goto('/sites/new');
  await page.getByLabel('Name').fill('<script>alert(1)</script>');
  await page.getByLabel('Current balance').fill('1');
  await page.getByRole('button', { name: 'Add poker site' }).click();
  await expect(page).toHaveURL(/\/sites$/);
  await expect(page.getByRole('link', { name: '<script>alert(1)</script>', exact: true })).toBeVisible();
  expect(await query('SELECT h.name FROM "Holding" h JOIN "User" u ON u.id = h."userId" WHERE u.email = $1', [email])).toEqual([{ name: '<script>alert(1)</script>' }]);
});

test('an import file over the limit is refused with the limit, in the browser and on the server', async ({ page, browser }) => {
  const email = await signUpAndIn(page, 'badimport');
  const upload = async (p: Page, bytes: number) => {
    await p.goto('/settings');
    const form = p.getByRole('region', { name: 'Import data' });
    // A valid JSON document padded with spaces: only its size is wrong.
    const json = Buffer.from(`{"format":"stakeeasy-export","version":1}${' '.repeat(bytes - 41)}`);
    await form.getByLabel('Export file (.json or .csv)').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: json });
    await form.getByRole('button', { name: 'Import', exact: true }).click();
    return form;
  };

  // With JavaScript: refused before uploading.
  const inBrowser = await upload(page, 3_000_000);
  await expect(inBrowser.getByRole('alert', { name: 'Problems found in the file' })).toHaveText('The file is 3.0 MB; the limit is 2.0 MB.');

  // Without JavaScript the form posts to the server action, which checks the size itself.
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const noScript = await context.newPage();
  const onServer = await upload(noScript, 2_080_000); // under the 2 MiB body limit, over the import limit
  await expect(onServer.getByRole('alert', { name: 'Problems found in the file' })).toHaveText('The file is 2.1 MB; the limit is 2.0 MB.');
  await expect(onServer.getByText('Nothing was imported.')).toBeVisible();
  await context.close();

  expect(await rowsOf(email)).toEqual(NOTHING);
});

/** The id of the transfer form's server action, read from a real (refused) submission. */
async function transferActionId(page: Page): Promise<string> {
  await page.goto('/transfers/new');
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action'])),
    page.getByRole('button', { name: 'Save' }).click(),
  ]);
  await expect(page.locator('#f-amount-error')).toBeVisible();
  return request.headers()['next-action'];
}

const FIVE_MB = 5 * 1024 * 1024;

async function postOversized(page: Page): Promise<{ fetchAction: APIResponse; formPost: APIResponse }> {
  const origin = new URL(page.url()).origin;
  const actionId = await transferActionId(page);
  // As the client router sends it (fetch action), with a 5 MB body.
  const fetchAction = await page.request.post('/transfers/new', {
    headers: { 'Next-Action': actionId, Origin: origin, 'Content-Type': 'text/plain;charset=UTF-8' },
    data: `["$K1",${JSON.stringify('x'.repeat(FIVE_MB))}]`,
    maxRedirects: 0,
  });
  // As a browser without JavaScript sends it: the form's hidden action fields plus a 5 MB note.
  const hidden = await page.locator('form input[type=hidden]').evaluateAll((inputs: HTMLInputElement[]) => inputs.map((i) => [i.name, i.value] as const));
  const fields: Record<string, string> = Object.fromEntries(hidden);
  const formPost = await page.request.post('/transfers/new', {
    headers: { Origin: origin },
    multipart: { ...fields, type: 'DEPOSIT', date: '2025-01-15', amount: '10', currency: 'USD', note: 'n'.repeat(FIVE_MB) },
    maxRedirects: 0,
  });
  return { fetchAction, formPost };
}

test('a 5 MB request body to a server action is refused, writes nothing, and the server carries on', async ({ page }) => {
  const email = await signUpAndIn(page, 'bigbody');
  const { fetchAction, formPost } = await postOversized(page);
  test.info().annotations.push({ type: 'observed', description: `fetch action: ${fetchAction.status()}, form post: ${formPost.status()}` });
  for (const response of [fetchAction, formPost]) {
    expect(response.status()).toBeGreaterThanOrEqual(400);
    // No stack trace or internals in what the client gets back.
    expect(await response.text()).not.toMatch(/at [\w.]+ \(|node_modules|ApiError/);
  }
  await page.goto('/transfers');
  await expect(page.getByText('No deposits or withdrawals yet')).toBeVisible();
  expect(await rowsOf(email)).toEqual(NOTHING);
});

// Next 16.4.6 answers a body over serverActions.bodySizeLimit with 500 (its action handler
// turns its own 413 into a 500), so proxy.ts refuses bodies whose Content-Length is over the
// limit with a 413 before Next sees them.
test('a 5 MB request body gets 413, not a 500', async ({ page }) => {
  await signUpAndIn(page, 'bigbody4xx');
  const { fetchAction, formPost } = await postOversized(page);
  expect(fetchAction.status()).toBe(413);
  expect(formPost.status()).toBe(413);
  expect(await formPost.text()).toContain('limit is 2 MB');
});

test('a session that expired server-side sends the user to sign in, and its form posts write nothing', async ({ page }) => {
  const email = await signUpAndIn(page, 'expired');
  await page.goto('/transfers/new');
  await page.getByLabel('Amount').fill('100');

  // The cookie is still in the browser; only the server knows the session is over.
  await query(`UPDATE "Session" SET "expiresAt" = now() - interval '1 minute' WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`, [email]);

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await rowsOf(email)).toEqual(NOTHING);

  for (const path of ['/dashboard', '/sites', '/transfers', '/goals', '/settings']) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/sign-in/);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  }
  // The export (a route handler) must not answer either.
  const exported = await page.request.get('/settings/export?format=json', { maxRedirects: 0 });
  expect(exported.status()).toBe(401);
});

// Browsers drop tabs and line breaks from URLs, so "/<TAB>/evil.example" would become
// //evil.example: safeNextPath resolves the path like a browser before trusting it.
test('a sign-in "next" that smuggles another host keeps the user on the site', async ({ page }) => {
  const email = await signUpAndIn(page, 'nextparam');
  const origin = new URL(page.url()).origin;
  await page.context().clearCookies();
  // Never leave the machine: answer any other host locally.
  await page.route((url) => url.origin !== origin, (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'another site' }));
  await page.goto(`/sign-in?next=${encodeURIComponent('/\t/evil.example/phish')}`);
  await submitSignIn(page, email, PASSWORD);
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  expect(new URL(page.url()).origin).toBe(origin);
});
