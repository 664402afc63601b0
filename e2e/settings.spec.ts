import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, PASSWORD, query, signIn, signUpAndIn, submitSignIn } from './helpers';

const section = (page: Page, name: string) => page.getByRole('region', { name });

async function importFile(page: Page, name: string, content: string | Buffer) {
  await page.goto('/settings');
  const form = section(page, 'Import data');
  await form.getByLabel('Export file (.json or .csv)').setInputFiles({
    name,
    mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/json',
    buffer: typeof content === 'string' ? Buffer.from(content) : content,
  });
  await form.getByRole('button', { name: 'Import', exact: true }).click();
  return form;
}

/** Clicks a download link and returns the file's name and text. */
async function download(page: Page, link: string) {
  await page.goto('/settings');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

/** An export without what legitimately differs between accounts (e-mail, currency, time). */
function comparable(json: string) {
  const data = JSON.parse(json) as Record<string, unknown>;
  delete data.exportedAt;
  delete data.profile;
  return data;
}

/** The CSV export without its profile row (it holds the e-mail). */
const csvWithoutProfile = (csv: string) => csv.split('\r\n').filter((line) => !line.startsWith('profile,'));

async function freshUser(browser: Browser, tag: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = await signUpAndIn(page, tag);
  return { context, page, email };
}

const oneSite = (amount = '100.00') =>
  JSON.stringify({
    format: 'stakeeasy-export',
    version: 1,
    holdings: [{ kind: 'POKER_SITE', name: 'Test Room', assetType: null, currency: 'USD', position: 0, snapshots: [{ amount, currency: 'USD', recordedAt: new Date(Date.now() - 3_600_000).toISOString() }] }],
  });

test('the display currency converts the dashboard totals', async ({ page }) => {
  // The seed's newest EUR rate is the fallback table's: 100 USD -> 85.45 EUR.
  const [latest] = await query<{ rate: string }>(`SELECT rate::text FROM "ExchangeRate" WHERE "currencyCode" = 'EUR' ORDER BY "effectiveOn" DESC LIMIT 1`);
  expect(latest.rate).toBe('0.85450000');

  await signUpAndIn(page, 'currency');
  const form = await importFile(page, 'site.json', oneSite());
  await expect(form.getByRole('status')).toHaveText('Imported 1 site or asset and 1 balance update.');
  await page.goto('/dashboard');
  await expect(page.getByTestId('total-bankroll')).toHaveText('$100.00');

  await page.goto('/settings');
  const currency = section(page, 'Display currency');
  await expect(currency.getByLabel('Display currency')).toHaveValue('USD');
  await currency.getByLabel('Display currency').selectOption('EUR');
  await currency.getByRole('button', { name: 'Save currency' }).click();
  await expect(currency.getByRole('status')).toHaveText('Amounts are now shown in EUR.');

  await page.goto('/dashboard');
  await expect(page.getByTestId('total-bankroll')).toHaveText('€85.45');
  await page.goto('/settings');
  await expect(section(page, 'Display currency').getByLabel('Display currency')).toHaveValue('EUR');
});

test('changing the password signs out the other sessions, not this one', async ({ page, browser }) => {
  const email = await signUpAndIn(page, 'password');
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, email, PASSWORD);

  await page.goto('/settings');
  const form = section(page, 'Change password');
  const fill = async (current: string) => {
    await form.getByLabel('Current password').fill(current);
    await form.getByLabel('New password', { exact: true }).fill('Brand-New-Pass-77');
    await form.getByLabel('Confirm new password').fill('Brand-New-Pass-77');
    await form.getByRole('button', { name: 'Change password' }).click();
  };
  await fill('not-my-password-1');
  await expect(form.locator('#f-currentPassword-error')).toHaveText('That is not your current password.');
  await otherPage.goto('/dashboard');
  await expect(otherPage).toHaveURL(/\/dashboard/); // nothing changed yet

  await fill(PASSWORD);
  await expect(form.getByRole('status')).toHaveText('Your password was changed. Every other device has been signed out.');
  await otherPage.goto('/dashboard');
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/dashboard/);

  await otherPage.goto('/sign-in');
  await submitSignIn(otherPage, email, PASSWORD);
  await expect(otherPage.getByRole('alert').filter({ hasText: 'E-mail or password is incorrect.' })).toBeVisible();
  await signIn(otherPage, email, 'Brand-New-Pass-77');
  await other.close();
});

test('JSON and CSV exports import into fresh accounts as the same data', async ({ browser }) => {
  const demoContext = await browser.newContext();
  const demo = await demoContext.newPage();
  await signIn(demo, DEMO.email, DEMO.password);
  const json = await download(demo, 'Download JSON');
  const csv = await download(demo, 'Download CSV');
  expect(json.name).toMatch(/^stakeeasy-export-\d{4}-\d{2}-\d{2}\.json$/);
  expect(csv.name).toMatch(/^stakeeasy-export-\d{4}-\d{2}-\d{2}\.csv$/);
  const source = comparable(json.text);
  expect((source.holdings as unknown[]).length).toBeGreaterThanOrEqual(9);
  expect(csv.text.startsWith('\uFEFFrecord,holding_kind,holding_name,')).toBe(true);

  const response = await demo.request.get('/settings/export?format=csv');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="stakeeasy-export-\d{4}-\d{2}-\d{2}\.csv"$/);
  expect(response.headers()['cache-control']).toBe('private, no-store');
  expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
  await demoContext.close();

  for (const file of [json, csv]) {
    const { context, page } = await freshUser(browser, `import-${file.name.slice(-3)}`);
    const form = await importFile(page, file.name, file.text);
    await expect(form.getByRole('status')).toContainText('Imported 11 sites and assets');
    const copyJson = await page.request.get('/settings/export?format=json');
    expect(comparable(await copyJson.text())).toEqual(source);
    const copyCsv = await page.request.get('/settings/export?format=csv');
    expect(csvWithoutProfile(await copyCsv.text())).toEqual(csvWithoutProfile(csv.text));
    await page.goto('/dashboard');
    await expect(page.getByRole('cell', { name: 'PokerStars', exact: true })).toBeVisible();
    await context.close();
  }
});

test('the export needs a valid session', async ({ browser }) => {
  const anonymous = await browser.newContext();
  const noCookie = await anonymous.request.get('/settings/export?format=json', { maxRedirects: 0 });
  expect([302, 303, 307]).toContain(noCookie.status());
  expect(noCookie.headers().location).toContain('/sign-in');
  await anonymous.addCookies([{ name: 'se_session', value: 'forged-token-forged-token-forged-token-42', url: test.info().project.use.baseURL! }]);
  const forged = await anonymous.request.get('/settings/export?format=json', { maxRedirects: 0 });
  expect(forged.status()).toBe(401);
  expect(forged.headers()['cache-control']).toBe('private, no-store');
  await anonymous.close();
});

test('a bad import lists every problem by line or path and writes nothing', async ({ page }) => {
  await signUpAndIn(page, 'bad-import');
  const header = 'record,holding_kind,holding_name,asset_type,position,type,status,amount,currency,date,timestamp,completed_at,archived_at,note,ref';
  const badCsv = [
    header,
    'holding,POKER_SITE,Good Room,,0,,,,USD,,,,,,',
    'snapshot,POKER_SITE,Good Room,,,,,12.345,USD,,2025-01-01T10:00:00.000Z,,,,',
    'transfer,,,,,DEPOSIT,,50.00,XYZ,2025-01-01,,,,,',
    'transfer,,,,,WITHDRAWAL,,10.00,USD,2025-02-30,,,,,',
  ].join('\r\n');
  let form = await importFile(page, 'bad.csv', badCsv);
  const problems = form.getByRole('alert', { name: 'Problems found in the file' });
  await expect(problems.getByRole('listitem')).toHaveText([
    'line 3: amount can have at most 2 decimal places',
    /^line 4: currency "XYZ" is not a supported currency/,
    'line 5: date must be a date like 2025-03-31',
  ]);
  await expect(form.getByText('Nothing was imported: fix these problems in the file and try again.')).toBeVisible();

  form = await importFile(page, 'bad.json', JSON.stringify({ format: 'stakeeasy-export', version: 1, transfers: [{ type: 'DEPOSIT', amount: '0', currency: 'USD', occurredOn: '2025-01-01' }] }));
  await expect(form.getByRole('alert', { name: 'Problems found in the file' })).toHaveText('transfers[0].amount must be greater than 0');

  // Too large: refused before upload, with the limit.
  form = await importFile(page, 'huge.json', Buffer.alloc(2_100_000, ' '));
  await expect(form.getByRole('alert', { name: 'Problems found in the file' })).toHaveText('The file is 2.1 MB; the limit is 2.0 MB.');

  const data = JSON.parse(await (await page.request.get('/settings/export?format=json')).text());
  expect([data.holdings, data.transfers, data.goals]).toEqual([[], [], []]);
  await page.goto('/dashboard');
  await expect(page.getByText("Let's set up your bankroll")).toBeVisible();

  // The same holding twice: a conflict, reported by name, nothing merged.
  form = await importFile(page, 'site.json', oneSite('5.00'));
  await expect(form.getByRole('status')).toHaveText('Imported 1 site or asset and 1 balance update.');
  form = await importFile(page, 'site.json', oneSite('7.00'));
  await expect(form.getByRole('alert', { name: 'Problems found in the file' })).toHaveText(/A poker site named "Test Room" already exists in your account/);
  const after = JSON.parse(await (await page.request.get('/settings/export?format=json')).text());
  expect(after.holdings[0].snapshots.map((s: { amount: string }) => s.amount)).toEqual(['5.00']);
});

test('deleting the account needs the e-mail and password, then the account is gone', async ({ page }) => {
  const email = await signUpAndIn(page, 'delete');
  await page.goto('/settings');
  const form = section(page, 'Delete account');
  const confirm = form.getByLabel(`Type your e-mail address (${email}) to confirm`);

  await confirm.fill('someone-else@example.com');
  await form.getByLabel('Your password').fill(PASSWORD);
  await form.getByRole('button', { name: 'Delete my account' }).click();
  await expect(form.locator('#f-confirmEmail-error')).toHaveText('Type your e-mail address exactly as shown to confirm.');

  await confirm.fill(email);
  await form.getByLabel('Your password').fill('not-my-password-1');
  await form.getByRole('button', { name: 'Delete my account' }).click();
  await expect(form.locator('#f-password-error')).toHaveText('That is not your current password.');

  await confirm.fill(email);
  await form.getByLabel('Your password').fill(PASSWORD);
  await form.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page).toHaveURL(/\/\?deleted=1$/);
  expect((await page.context().cookies()).find((c) => c.name === 'se_session')).toBeUndefined();

  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in/);
  await submitSignIn(page, email, PASSWORD);
  // (Next's route announcer is an alert too.)
  await expect(page.getByRole('alert').filter({ hasText: 'E-mail or password is incorrect.' })).toBeVisible();
  expect(await query(`SELECT id FROM "User" WHERE email = '${email}'`)).toEqual([]);
});
