import { expect, test, type Page } from '@playwright/test';
import { PASSWORD, signIn, signOut, signUpAndIn } from './helpers';

// Money as shown ("$1,785.14", "-€3.00") to cents, to compare totals exactly.
const cents = (text: string) => Math.round(Number(text.replace(/[^0-9.-]/g, '')) * 100);

async function dashboardTotal(page: Page): Promise<number> {
  await page.goto('/dashboard');
  return cents(await page.getByTestId('total-bankroll').innerText());
}

async function addHolding(page: Page, kind: 'sites' | 'assets', values: { name: string; amount: string; currency: string; assetType?: string }) {
  await page.goto(`/${kind}/new`);
  await page.getByLabel('Name').fill(values.name);
  if (values.assetType) await page.getByLabel('Asset type').fill(values.assetType);
  await page.getByLabel('Current balance').fill(values.amount);
  await page.getByLabel('Currency').selectOption(values.currency);
  await page.getByRole('button', { name: kind === 'sites' ? 'Add poker site' : 'Add asset' }).click();
  await expect(page).toHaveURL(new RegExp(`/${kind}$`));
}

/** The id of a holding, from its link in the list. */
async function holdingId(page: Page, kind: 'sites' | 'assets', name: string): Promise<string> {
  await page.goto(`/${kind}`);
  const href = await page.getByRole('link', { name, exact: true }).getAttribute('href');
  return href!.split('/').pop()!;
}

const rowNames = (page: Page) => page.getByTestId('holding-row').locator('th').allInnerTexts();

async function updateBalance(page: Page, amount: string, recordedAt?: string) {
  await page.getByLabel('New balance').fill(amount);
  if (recordedAt) await page.getByLabel('Date and time (UTC)').fill(recordedAt);
  await page.getByRole('button', { name: 'Update balance' }).click();
  await expect(page.getByRole('status')).toContainText('Balance updated');
}

test('sites and assets: add, update, rename, reorder, history, edit and delete; other users get 404', async ({ page }) => {
  test.setTimeout(120_000);
  const owner = await signUpAndIn(page, 'holdings');

  // Empty states tell a new user what to do first.
  await page.goto('/sites');
  await expect(page.getByText('No poker sites yet')).toBeVisible();
  await page.getByRole('link', { name: 'Add your first poker site' }).click();
  await expect(page).toHaveURL(/\/sites\/new$/);
  await expect(page.getByLabel('Currency')).toHaveValue('USD'); // the display currency

  // Invalid input keeps what was typed and explains next to the field.
  await page.getByLabel('Name').fill('S');
  await page.getByLabel('Current balance').fill('12.345');
  await page.getByRole('button', { name: 'Add poker site' }).click();
  await expect(page.locator('#f-name-error')).toContainText('at least 2 characters');
  await expect(page.locator('#f-amount-error')).toContainText('2 decimal');
  await expect(page.getByLabel('Current balance')).toHaveValue('12.345');

  await addHolding(page, 'sites', { name: 'Stars', amount: '1000', currency: 'USD' });
  await addHolding(page, 'sites', { name: 'Party', amount: '500', currency: 'EUR' });
  expect(await rowNames(page)).toEqual(['Stars', 'Party']);
  await expect(page.getByTestId('holding-row').nth(1)).toContainText('€500.00');

  // A clashing name (any case) is a field error, not a crash.
  await page.goto('/sites/new');
  await page.getByLabel('Name').fill('stars');
  await page.getByLabel('Current balance').fill('1');
  await page.getByRole('button', { name: 'Add poker site' }).click();
  await expect(page.locator('#f-name-error')).toContainText('already have a poker site with this name');

  await page.goto('/assets');
  await expect(page.getByRole('link', { name: 'Add your first asset' })).toBeVisible();
  await addHolding(page, 'assets', { name: 'Cold wallet', amount: '200', currency: 'USD', assetType: 'Crypto' });
  await expect(page.getByTestId('holding-row')).toContainText(['Crypto']);

  const starsId = await holdingId(page, 'sites', 'Stars');
  const partyId = await holdingId(page, 'sites', 'Party');
  const walletId = await holdingId(page, 'assets', 'Cold wallet');

  // Update a balance: the list and the dashboard change at once.
  const before = await dashboardTotal(page);
  await page.goto(`/sites/${starsId}`);
  await updateBalance(page, '1,250.50');
  await expect(page.getByTestId('current-balance')).toHaveText('$1,250.50');
  await page.goto('/sites');
  const starsRow = page.getByTestId('holding-row').filter({ hasText: 'Stars' });
  await expect(starsRow).toContainText('$1,250.50');
  await expect(starsRow).toContainText('$1,000.00');
  await expect(starsRow).toContainText('+$250.50');
  expect(await dashboardTotal(page)).toBe(before + 25_050);

  // Rename.
  await page.goto(`/sites/${starsId}`);
  await page.getByLabel('Name', { exact: true }).fill('PokerStars');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('PokerStars');
  await page.goto('/sites');
  expect(await rowNames(page)).toEqual(['PokerStars', 'Party']);

  // Reorder with POST buttons.
  await expect(page.getByRole('button', { name: 'Move PokerStars up' })).toBeDisabled();
  await page.getByRole('button', { name: 'Move Party up' }).click();
  await expect(page.getByTestId('holding-row').first()).toContainText('Party');
  expect(await rowNames(page)).toEqual(['Party', 'PokerStars']);
  await page.reload();
  expect(await rowNames(page)).toEqual(['Party', 'PokerStars']);

  // History: a back-dated snapshot, then the date filter (a GET in the URL).
  await page.goto(`/sites/${starsId}`);
  await updateBalance(page, '900', '2024-01-15T10:00');
  await expect(page.getByTestId('current-balance')).toHaveText('$1,250.50'); // older than the current one
  await expect(page.getByTestId('snapshot-row')).toHaveCount(3);
  await page.getByLabel('From (UTC day)').fill('2024-01-01');
  await page.getByLabel('To (UTC day)').fill('2024-01-31');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/from=2024-01-01&to=2024-01-31/);
  await expect(page.getByTestId('snapshot-row')).toHaveCount(1);
  await expect(page.getByTestId('snapshot-row')).toContainText('2024-01-15 10:00 UTC');
  await expect(page.getByTestId('snapshot-row')).toContainText('$900.00');

  // Edit that snapshot.
  await page.getByRole('link', { name: 'Edit snapshot of 2024-01-15 10:00 UTC' }).click();
  await expect(page.getByRole('heading', { name: 'Edit snapshot' })).toBeVisible();
  await page.getByLabel('Balance (USD)').fill('875.25');
  await page.getByLabel('Date and time (UTC)').fill('1999-12-31T10:00');
  await page.getByRole('button', { name: 'Save snapshot' }).click();
  await expect(page.locator('#f-recordedAt-error')).toContainText('before 1 January 2000');
  await page.getByLabel('Date and time (UTC)').fill('2024-01-20T09:30');
  await page.getByRole('button', { name: 'Save snapshot' }).click();
  await expect(page).toHaveURL(new RegExp(`/sites/${starsId}$`));
  const edited = page.getByTestId('snapshot-row').filter({ hasText: '2024-01-20 09:30 UTC' });
  await expect(edited).toContainText('$875.25');

  // Delete that snapshot, after confirming.
  await edited.getByRole('link', { name: 'Delete snapshot of 2024-01-20 09:30 UTC' }).click();
  await expect(page.getByText('This cannot be undone')).toBeVisible();
  await page.getByRole('button', { name: 'Delete snapshot' }).click();
  await expect(page).toHaveURL(new RegExp(`/sites/${starsId}$`));
  await expect(page.getByTestId('snapshot-row')).toHaveCount(2);
  await expect(page.getByText('2024-01-20 09:30 UTC')).toHaveCount(0);

  // The last snapshot cannot be deleted: no link, an explanation, and a direct visit explains too.
  await page.goto(`/sites/${partyId}`);
  await expect(page.getByTestId('snapshot-row')).toHaveCount(1);
  await expect(page.getByRole('link', { name: /^Delete snapshot of/ })).toHaveCount(0);
  await expect(page.getByTestId('last-snapshot-note')).toContainText('only snapshot');
  const onlyEdit = await page.getByRole('link', { name: /^Edit snapshot of/ }).getAttribute('href');
  await page.goto(onlyEdit!.replace(/\/edit$/, '/delete'));
  await expect(page.getByText('cannot be deleted')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete snapshot' })).toHaveCount(0);

  // ...and the server refuses it even when the page offered the button (two snapshots, one deleted meanwhile).
  await page.goto(`/sites/${partyId}`);
  await updateBalance(page, '480');
  const deleteLinks = page.getByRole('link', { name: /^Delete snapshot of/ });
  await expect(deleteLinks).toHaveCount(2);
  const [firstDelete, secondDelete] = await Promise.all([deleteLinks.nth(0).getAttribute('href'), deleteLinks.nth(1).getAttribute('href')]);
  const other = await page.context().newPage();
  await other.goto(secondDelete!);
  await page.goto(firstDelete!);
  await page.getByRole('button', { name: 'Delete snapshot' }).click();
  await expect(page).toHaveURL(new RegExp(`/sites/${partyId}$`));
  await other.getByRole('button', { name: 'Delete snapshot' }).click();
  await expect(other.getByRole('alert').filter({ hasText: 'only snapshot left' })).toBeVisible();
  await other.close();
  await page.goto(`/sites/${partyId}`);
  await expect(page.getByTestId('snapshot-row')).toHaveCount(1);

  // A holding of the other kind under the wrong route is not found.
  expect((await page.goto(`/sites/${walletId}`))?.status()).toBe(404);
  expect((await page.goto(`/assets/${starsId}`))?.status()).toBe(404);

  // Delete a holding: the "I understand" box is required.
  const beforeDelete = await dashboardTotal(page);
  await page.goto(`/sites/${partyId}`);
  await page.getByRole('link', { name: 'Delete this poker site…' }).click();
  await page.getByRole('button', { name: 'Delete poker site' }).click();
  await expect(page.locator('#f-confirm-error')).toContainText('Tick the box');
  await page.getByLabel(/I understand/).check();
  await page.getByRole('button', { name: 'Delete poker site' }).click();
  await expect(page).toHaveURL(/\/sites$/);
  expect(await rowNames(page)).toEqual(['PokerStars']);
  expect(await dashboardTotal(page)).toBeLessThan(beforeDelete);
  expect((await page.goto(`/sites/${partyId}`))?.status()).toBe(404);

  // Another user cannot see (or guess) the first user's holding.
  await page.goto('/dashboard');
  await signOut(page);
  await signUpAndIn(page, 'intruder');
  for (const url of [`/sites/${starsId}`, `/sites/${starsId}/delete`, `/assets/${walletId}`]) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    // The app's 404 page (or Next's default one): nothing of the holding shows.
    await expect(page.getByRole('heading', { name: /not found|could not be found/i })).toBeVisible();
    await expect(page.getByText('PokerStars')).toHaveCount(0);
  }
  await page.goto('/sites');
  await expect(page.getByText('No poker sites yet')).toBeVisible();

  // Server actions check ownership too: a forged hidden id answers 404 and writes nothing.
  await addHolding(page, 'sites', { name: 'Mine', amount: '5', currency: 'USD' });
  const mineId = await holdingId(page, 'sites', 'Mine');
  const forge = async (form: string) =>
    page.locator(form).evaluateAll((forms, id) => forms.forEach((f) => ((f.querySelector('input[name=holdingId]') as HTMLInputElement).value = id)), starsId);
  await page.goto(`/sites/${mineId}`);
  await forge('form:has(input[name=amount])');
  await updateBalanceExpecting404(page, '1');
  await page.goto(`/sites/${mineId}/delete`);
  await forge('form:has(input[name=confirm])');
  await page.getByLabel(/I understand/).check();
  await page.getByRole('button', { name: 'Delete poker site' }).click();
  await expect(page.getByRole('heading', { name: /not found|could not be found/i })).toBeVisible();

  await page.goto('/dashboard');
  await signOut(page);
  await signIn(page, owner, PASSWORD);
  await page.goto(`/sites/${starsId}`);
  await expect(page.getByTestId('current-balance')).toHaveText('$1,250.50');
  await expect(page.getByTestId('snapshot-row')).toHaveCount(2);
});

async function updateBalanceExpecting404(page: Page, amount: string) {
  await page.getByLabel('New balance').fill(amount);
  await page.getByRole('button', { name: 'Update balance' }).click();
  await expect(page.getByRole('heading', { name: /not found|could not be found/i })).toBeVisible();
}
