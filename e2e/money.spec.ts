import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn, signUpAndIn } from './helpers';

// Deposits/withdrawals, goals, stakes and the dashboard, through the UI.

async function totals(page: Page) {
  await page.goto('/dashboard');
  const text = (id: string) => page.getByTestId(id).innerText();
  return {
    bankroll: await text('total-bankroll'),
    profit: await text('total-profit'),
    deposits: await text('total-deposits'),
    withdrawals: await text('total-withdrawals'),
  };
}

async function addSite(page: Page, name: string, amount: string) {
  await page.goto('/sites/new');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Current balance').fill(amount);
  await page.getByLabel('Currency').selectOption('USD');
  await page.getByRole('button', { name: 'Add poker site' }).click();
  await expect(page).toHaveURL(/\/sites$/);
}

async function addTransfer(page: Page, type: 'deposit' | 'withdrawal', amount: string, note = '') {
  await page.goto('/transfers');
  await page.getByRole('link', { name: `Add a ${type}` }).click();
  await expect(page.getByRole('heading', { name: `Add a ${type}` })).toBeVisible();
  await page.getByLabel('Amount').fill(amount);
  if (note) await page.getByLabel('Note (optional)').fill(note);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/transfers\?done=/);
  await expect(page.getByRole('status')).toHaveText(type === 'deposit' ? 'Deposit saved.' : 'Withdrawal saved.');
}

test('a new user records deposits and withdrawals; totals, profit, goals and the chart follow at once', async ({ page }) => {
  test.setTimeout(180_000);
  await signUpAndIn(page, 'money');

  await page.goto('/transfers');
  await expect(page.getByText('No deposits or withdrawals yet')).toBeVisible();

  await addSite(page, 'Stars', '800.00');

  // The add form defaults to today and the display currency.
  await page.goto('/transfers/new?type=DEPOSIT');
  await expect(page.getByLabel('Currency')).toHaveValue('USD');
  await expect(page.getByLabel('Type')).toHaveValue('DEPOSIT');
  await expect(page.getByLabel('Date')).toHaveValue(new Date().toISOString().slice(0, 10));

  // Invalid input: errors next to the fields, nothing saved, what was typed kept.
  await page.getByLabel('Amount').fill('12.345');
  await page.getByLabel('Date').fill('2099-01-01');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#f-amount-error')).toContainText('2 decimal');
  await expect(page.locator('#f-date-error')).toContainText('future');
  await expect(page.getByLabel('Amount')).toHaveValue('12.345');
  await page.getByLabel('Amount').fill('0');
  await page.getByLabel('Date').fill('1999-12-31');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#f-amount-error')).toContainText('greater than 0');
  await expect(page.locator('#f-date-error')).toContainText('2000-01-01');

  await addTransfer(page, 'deposit', '1000.00', 'First reload');
  await addTransfer(page, 'withdrawal', '500.00');

  // Transfers page totals, and a type filter kept in the URL.
  await expect(page.getByTestId('transfers-deposits')).toHaveText('$1,000.00');
  await expect(page.getByTestId('transfers-withdrawals')).toHaveText('$500.00');
  await expect(page.getByTestId('transfers-net')).toHaveText('$500.00');
  await page.getByLabel('Type').selectOption('WITHDRAWAL');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/type=WITHDRAWAL/);
  await expect(page.getByTestId('transfers-table').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('transfers-deposits')).toHaveText('$0.00');
  await expect(page.getByTestId('transfers-withdrawals')).toHaveText('$500.00');
  // A date range that excludes today shows nothing.
  await page.goto('/transfers?to=2020-01-01');
  await expect(page.getByText('No deposits or withdrawals match this filter.')).toBeVisible();
  await expect(page.getByTestId('transfers-net')).toHaveText('$0.00');

  // Dashboard: bankroll 800, deposits 1000, withdrawals 500 -> profit 300, to the cent.
  expect(await totals(page)).toEqual({ bankroll: '$800.00', profit: '$300.00', deposits: '$1,000.00', withdrawals: '$500.00' });
  await expect(page.getByTestId('bankroll-chart')).toBeVisible();
  await expect(page.getByTestId('chart-summary')).toContainText('the bankroll was $800.00 and the profit $300.00');
  await expect(page.getByTestId('streak-current')).toHaveText('1 day');
  await expect(page.getByText('No active goal.')).toBeVisible();

  // Edit the deposit: the totals follow at once.
  await page.goto('/transfers');
  await page.getByRole('link', { name: /^Edit deposit of \$1,000\.00/ }).click();
  await expect(page.getByLabel('Amount')).toHaveValue('1000');
  await expect(page.getByLabel('Note (optional)')).toHaveValue('First reload');
  await page.getByLabel('Amount').fill('1,200.50');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status')).toHaveText('Changes saved.');
  await expect(page.getByTestId('transfers-deposits')).toHaveText('$1,200.50');
  expect(await totals(page)).toEqual({ bankroll: '$800.00', profit: '$99.50', deposits: '$1,200.50', withdrawals: '$500.00' });

  // Delete the withdrawal after a confirmation step.
  await page.goto('/transfers');
  await page.getByRole('link', { name: /^Delete withdrawal of \$500\.00/ }).click();
  await expect(page.getByRole('heading', { name: 'Delete this withdrawal?' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete withdrawal' }).click();
  await expect(page.getByRole('status')).toHaveText('Transfer deleted.');
  await expect(page.getByTestId('transfers-table').locator('tbody tr')).toHaveCount(1);
  expect(await totals(page)).toEqual({ bankroll: '$800.00', profit: '-$400.50', deposits: '$1,200.50', withdrawals: '$0.00' });
  // The chart's last point is today's totals: it was recomputed after the edit and the delete.
  await expect(page.getByTestId('chart-summary')).toContainText('the bankroll was $800.00 and the profit -$400.50');

  // A bankroll goal of $1,000: 80% now.
  await page.goto('/goals');
  await expect(page.getByText('You have no active goal.')).toBeVisible();
  await page.getByLabel('Target amount').fill('1,000');
  await page.getByLabel('End date (optional)').fill('2000-01-01');
  await page.getByRole('button', { name: 'Set goal' }).click();
  await expect(page.locator('#f-endDate-error')).toContainText('past');
  await page.getByLabel('End date (optional)').fill('');
  await page.getByRole('button', { name: 'Set goal' }).click();
  await expect(page.getByRole('status')).toContainText('Goal set.');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '80');
  await expect(page.getByText('Only one goal can be active')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Set goal' })).toHaveCount(0);
  await page.goto('/dashboard');
  await expect(page.getByRole('progressbar', { name: 'Progress towards your bankroll goal' })).toHaveAttribute('aria-valuenow', '80');
  await expect(page.getByTestId('goal-percent')).toContainText('80%');

  // The balance reaches $1,000 and a deposit is recorded: the goal completes itself.
  await page.goto('/sites');
  await page.getByRole('link', { name: 'Stars', exact: true }).click();
  await page.getByLabel('New balance').fill('1000.00');
  await page.getByRole('button', { name: 'Update balance' }).click();
  await expect(page.getByRole('status')).toContainText('Balance updated');
  await addTransfer(page, 'deposit', '25.00');
  // Balance updates (snapshots) reach the chart too.
  expect(await totals(page)).toEqual({ bankroll: '$1,000.00', profit: '-$225.50', deposits: '$1,225.50', withdrawals: '$0.00' });
  await expect(page.getByTestId('chart-summary')).toContainText('the bankroll was $1,000.00 and the profit -$225.50');
  await page.goto('/goals');
  await expect(page.getByText('You have no active goal.')).toBeVisible();
  await expect(page.getByTestId('past-goals')).toContainText('Completed on');
  await expect(page.getByTestId('past-goals')).toContainText('$1,000.00');
  await page.goto('/achievements');
  await expect(page.getByTestId('achievement-GOAL_COMPLETED')).toContainText('Unlocked on');
  await expect(page.getByTestId('achievement-BANKROLL_1K')).toContainText('Unlocked on');
  await expect(page.getByTestId('achievement-READ_10')).toContainText('Locked');
  await expect(page.getByTestId('streak-longest')).toHaveText('1 day');

  // A profit goal, archived: one active goal at a time, and the history lists both.
  await page.goto('/goals');
  await page.getByLabel('Goal type').selectOption('PROFIT');
  await page.getByLabel('Target amount').fill('5000');
  await page.getByRole('button', { name: 'Set goal' }).click();
  await expect(page.getByRole('status')).toContainText('Goal set.');
  await page.getByRole('button', { name: 'Archive this goal' }).click();
  await expect(page.getByRole('status')).toHaveText('Goal archived.');
  await expect(page.getByTestId('past-goals').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('past-goals')).toContainText('Archived on');
  await expect(page.getByText('You have no active goal.')).toBeVisible();
});

test('a goal that is already reached when set is completed at once', async ({ page }) => {
  await signUpAndIn(page, 'goal-now');
  await addSite(page, 'Party', '300.00');
  await page.goto('/goals');
  await page.getByLabel('Target amount').fill('250');
  await page.getByRole('button', { name: 'Set goal' }).click();
  await expect(page.getByRole('status')).toContainText('already reached it');
  await expect(page.getByTestId('past-goals')).toContainText('Completed on');
});

test("another user's transfer id answers 404 and changes nothing", async ({ page, browser }) => {
  await signUpAndIn(page, 'owner');
  await addTransfer(page, 'deposit', '42.00');
  const href = await page.getByRole('link', { name: /^Edit deposit of \$42\.00/ }).getAttribute('href');
  const id = href!.split('/')[2];

  const other = await browser.newContext();
  const intruder = await other.newPage();
  await signUpAndIn(intruder, 'intruder');
  for (const path of [`/transfers/${id}/edit`, `/transfers/${id}/delete`]) {
    const response = await intruder.goto(path);
    expect(response?.status()).toBe(404);
  }
  await other.close();

  await page.goto('/transfers');
  await expect(page.getByTestId('transfers-deposits')).toHaveText('$42.00');
});

test('the stakes page recommends stakes for the demo user from answers in the URL', async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto('/stakes');
  await expect(page.getByTestId('cash-multiple')).toHaveText('72');
  await expect(page.getByTestId('tournament-multiple')).toHaveText('134.5');
  await expect(page.getByTestId('cash-stake')).toContainText(/Play \$[\d.]+\/\$[\d.]+/);
  await expect(page.getByTestId('tournament-buy-in')).toContainText('Play tournaments up to $');
  await expect(page.getByTestId('stakes-bankroll')).toContainText('€');

  // A GET form: the answers go into the URL, the tournament answers are kept.
  const cash = page.getByTestId('cash-recommendation');
  await cash.getByRole('group', { name: 'Which game do you play?' }).getByLabel('Pot-Limit Omaha').check();
  await cash.getByRole('group', { name: 'How much risk do you accept?' }).getByLabel('Aggressive').check();
  await cash.getByRole('button', { name: 'Recommend a cash stake' }).click();
  await expect(page).toHaveURL(/cashGame=PLO/);
  await expect(page).toHaveURL(/mttGame=NLHE/);
  await expect(page.getByTestId('cash-multiple')).not.toHaveText('72');
  await expect(page.getByTestId('tournament-multiple')).toHaveText('134.5');

  await page.goto('/stakes?cashGame=NA&cashField=NA&cashRisk=NA&cashWhere=NA');
  await expect(page.getByTestId('cash-recommendation')).toContainText('Answer at least one question');
});

test('the demo dashboard shows the goal, the streak and an accessible chart', async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuemax', '100');
  const chart = page.getByTestId('bankroll-chart');
  await expect(chart).toBeVisible();
  await expect(chart.locator('title')).toHaveText('Bankroll and profit over time (EUR)');
  await expect(chart.locator('path')).toHaveCount(2);
  await page.getByText('Show the chart data as a table').click();
  const rows = page.getByRole('table', { name: /end of each month/ }).locator('tbody tr');
  expect(await rows.count()).toBeGreaterThanOrEqual(18);
  // The chart's last value is today's total.
  const bankroll = await page.getByTestId('total-bankroll').innerText();
  await expect(page.getByTestId('chart-summary')).toContainText(`the bankroll was ${bankroll}`);
});
