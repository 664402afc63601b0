// UI steps shared by the table-driven specs (invalidation, isolation). Everything goes through
// the real pages and forms; ids are read from the links the app renders.
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

export type HoldingPath = 'sites' | 'assets';

/* ------------------------------------------------------------------------- money text -- */

/** "$1,785.14", "-€3.00" -> cents. */
export const cents = (text: string): number => Math.round(Number(text.replace(/[^0-9.-]/g, '')) * 100);

/** Cents -> the app's formatMoney output (en-US). */
export function money(amountCents: number, currency = 'USD'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amountCents / 100);
}

/** Cents -> what a user types ("1234.50"). */
export const typed = (amountCents: number): string => (amountCents / 100).toFixed(2);

export const stampOf = (): string => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/* --------------------------------------------------------------------------- holdings -- */

/** Adds a site or asset through /sites/new or /assets/new and returns its id (from the list link). */
export async function addHolding(page: Page, kind: HoldingPath, values: { name: string; amount: string; currency?: string; assetType?: string }): Promise<string> {
  await page.goto(`/${kind}/new`);
  await page.getByLabel('Name').fill(values.name);
  if (kind === 'assets') await page.getByLabel('Asset type').fill(values.assetType ?? 'Cash');
  await page.getByLabel('Current balance').fill(values.amount);
  await page.getByLabel('Currency').selectOption(values.currency ?? 'USD');
  await page.getByRole('button', { name: kind === 'sites' ? 'Add poker site' : 'Add asset' }).click();
  await expect(page).toHaveURL(new RegExp(`/${kind}$`));
  const href = await page.getByRole('link', { name: values.name, exact: true }).getAttribute('href');
  return href!.split('/').pop()!;
}

/** On a holding's page: appends a balance snapshot. */
export async function updateBalance(page: Page, amount: string) {
  await page.getByLabel('New balance').fill(amount);
  await page.getByRole('button', { name: 'Update balance' }).click();
  await expect(page.getByRole('status')).toContainText('Balance updated');
}

/** The ids of a holding's snapshots, newest first, from its history links. */
export async function snapshotIds(page: Page, kind: HoldingPath, holdingId: string): Promise<string[]> {
  await page.goto(`/${kind}/${holdingId}`);
  const hrefs = await page.getByRole('link', { name: /^Edit snapshot of/ }).evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  return hrefs.map((h) => h.split('/').at(-2)!);
}

/** A table row (dashboard breakdown or holdings list) by the holding's exact name. */
export const rowOf = (page: Page, name: string): Locator => page.locator('tbody tr').filter({ has: page.getByText(name, { exact: true }) });

/** Names in the order a table lists them (first cell or row header of each body row). */
export const rowNames = (page: Page): Promise<string[]> => page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r.querySelector('th, td')?.textContent ?? '').trim()));

/* -------------------------------------------------------------------------- transfers -- */

/** Adds a deposit or withdrawal dated today; returns its id (from its edit link, found by the note). */
export async function addTransfer(page: Page, type: 'DEPOSIT' | 'WITHDRAWAL', amount: string, note: string): Promise<string> {
  await page.goto(`/transfers/new?type=${type}`);
  await page.getByLabel('Amount').fill(amount);
  await page.getByLabel('Note (optional)').fill(note);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/transfers\?done=/);
  const href = await page.locator('tr', { hasText: note }).getByRole('link', { name: /^Edit/ }).getAttribute('href');
  return href!.split('/')[2];
}

/* ------------------------------------------------------------------------------ goals -- */

/** Sets a goal on /goals (there must be no active one). */
export async function createGoal(page: Page, target: string, type: 'BANKROLL' | 'PROFIT' = 'BANKROLL') {
  await page.goto('/goals');
  await page.getByLabel('Goal type').selectOption(type);
  await page.getByLabel('Target amount').fill(target);
  await page.getByRole('button', { name: 'Set goal' }).click();
  await expect(page.getByRole('status')).toContainText('Goal set');
}

/** Archives the active goal, if there is one. */
export async function archiveActiveGoal(page: Page) {
  await page.goto('/goals');
  const archive = page.getByRole('button', { name: 'Archive this goal' });
  if ((await archive.count()) === 0) return;
  await archive.click();
  await expect(page.getByRole('status')).toHaveText('Goal archived.');
}

/** The active goal's id (from its archive form), or null. */
export async function activeGoalId(page: Page): Promise<string | null> {
  await page.goto('/goals');
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Archive this goal' }) });
  if ((await form.count()) === 0) return null;
  return form.locator('input[name=goalId]').inputValue();
}

/* --------------------------------------------------------------------------- settings -- */

/** The signed-in user's JSON export without what changes on every download. */
export async function exportOf(request: APIRequestContext): Promise<Record<string, unknown>> {
  const res = await request.get('/settings/export?format=json');
  expect(res.status()).toBe(200);
  const data = (await res.json()) as Record<string, unknown>;
  delete data.exportedAt;
  return data;
}

/* --------------------------------------------------------------------- admin: articles -- */

/** Creates a tag on /admin/tags with an explicit slug; returns its id. */
export async function adminCreateTag(admin: Page, name: string, slug: string): Promise<string> {
  await admin.goto('/admin/tags');
  await admin.getByLabel('Name').fill(name);
  await admin.getByLabel('Slug').fill(slug);
  await admin.getByRole('button', { name: 'Create tag' }).click();
  await expect(admin.getByRole('status')).toHaveText('Tag created.');
  const href = await admin.getByRole('link', { name, exact: true }).getAttribute('href');
  return href!.split('/').pop()!;
}

export interface ArticleInput {
  title: string;
  slug: string;
  summary: string;
  markdown: string;
  tagNames: string[];
}

/** Creates an article on /admin/articles/new (draft or published at once); returns its id. */
export async function adminCreateArticle(admin: Page, input: ArticleInput, publish: boolean): Promise<string> {
  await admin.goto('/admin/articles/new');
  await admin.getByLabel('Title', { exact: true }).fill(input.title);
  await admin.getByLabel('Slug').fill(input.slug);
  await admin.getByLabel('Summary').fill(input.summary);
  await admin.getByLabel('Text (Markdown)').fill(input.markdown);
  for (const tag of input.tagNames) await admin.getByRole('checkbox', { name: tag }).check();
  await admin.getByRole('button', { name: publish ? 'Save and publish' : 'Save draft' }).click();
  await expect(admin).toHaveURL(/\/admin\/articles\/[^/?]+\?notice=/);
  return new URL(admin.url()).pathname.split('/').pop()!;
}

/** An article's words: title, slug, and a marker in its summary and body. */
export function articleInput(stamp: string, marker: string, tagNames: string[]): ArticleInput {
  return {
    title: `Table article ${stamp}`,
    slug: `table-article-${stamp}`,
    summary: `A table-driven test article, version ${marker}.`,
    markdown: `## Test\n\nThe marker is **${marker}**.`,
    tagNames,
  };
}

/* ------------------------------------------------------------------------------ pages -- */

/** The app's 404 page (or Next's default one). */
export const notFoundHeading = (page: Page): Locator => page.getByRole('heading', { name: /not found|could not be found/i });

/* --------------------------------------------------------------------- play sessions -- */

export interface LoggedSession {
  kind?: 'CASH' | 'TOURNAMENT';
  /** The "Where" option label, e.g. "Stars (online)"; default: a new live venue `venue`. */
  where?: string;
  venue?: string;
  blinds?: [string, string];
  buyIn: string;
  fee?: string;
  cashOut: string;
  /** datetime-local values (UTC). */
  start?: string;
  end?: string;
  hands?: string;
  notes?: string;
}

/** Logs an ended session through /sessions/new; returns its id (from the detail page URL). */
export async function logSession(page: Page, s: LoggedSession): Promise<string> {
  await page.goto('/sessions/new');
  const form = page.locator('form.session-form');
  await form.getByLabel('Type').selectOption(s.kind ?? 'CASH');
  if (s.where) await form.getByLabel('Where').selectOption({ label: s.where });
  else {
    await form.getByLabel('Where').selectOption('new');
    await form.getByLabel('Live venue name').fill(s.venue ?? 'Home game');
  }
  await form.getByLabel('Currency').selectOption('USD');
  if ((s.kind ?? 'CASH') === 'CASH') {
    await form.getByLabel('Small blind').fill(s.blinds?.[0] ?? '1');
    await form.getByLabel('Big blind').fill(s.blinds?.[1] ?? '2');
  } else await form.getByLabel('Fee').fill(s.fee ?? '0');
  await form.getByLabel(/^Buy-in/).fill(s.buyIn);
  await form.getByLabel('Cash-out').fill(s.cashOut);
  if (s.hands) await form.getByLabel('Hands played').fill(s.hands);
  if (s.start) await form.getByLabel('Start').fill(s.start);
  if (s.end) await form.getByLabel('End', { exact: true }).fill(s.end);
  if (s.notes) await form.getByLabel('Notes').fill(s.notes);
  await form.getByRole('button', { name: 'Save session' }).click();
  await expect(page).toHaveURL(/\/sessions\/[^/]+\?done=logged$/);
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** Starts the live timer for a cash game at `where` (an option label; 'new' with `newVenue`) with `buyIn`. */
export async function startLiveSession(page: Page, where: string, buyIn: string, newVenue?: string) {
  await page.goto('/sessions/live');
  const form = page.locator('form.session-form');
  await form.getByLabel('Where').selectOption({ label: where });
  if (newVenue) await form.getByLabel('Live venue name').fill(newVenue);
  await form.getByLabel('Currency').selectOption('USD');
  await form.getByLabel('Small blind').fill('0.5');
  await form.getByLabel('Big blind').fill('1');
  await form.getByLabel('Buy-in').fill(buyIn);
  await form.getByRole('button', { name: 'Start session' }).click();
  await expect(page.getByRole('status')).toHaveText('Session started. Good luck!');
}

/**
 * Ends the running session with `cashOut`; returns the session id. `updateBalance`: tick the
 * site's box (online), or the label of the cash asset to update (live).
 */
export async function endLiveSession(page: Page, cashOut: string, updateBalance: boolean | string = false): Promise<string> {
  await page.goto('/sessions/live');
  const form = page.getByRole('form', { name: 'End the session' });
  await form.getByLabel(/^Cash-out/).fill(cashOut);
  if (updateBalance === true) await form.getByLabel(/Update the site/).check();
  if (typeof updateBalance === 'string') await form.getByLabel('Update a cash asset with this result').selectOption({ label: updateBalance });
  await form.getByRole('button', { name: 'End session' }).click();
  await expect(page).toHaveURL(/\/sessions\/[^/]+\?done=ended$/);
  return new URL(page.url()).pathname.split('/').pop()!;
}

/* ------------------------------------------------------------- import from another tracker -- */

/** The import page reads the file in the browser: wait until React runs the file input. */
export async function importPageReady(page: Page) {
  await page.waitForFunction(() => {
    const input = document.getElementById('f-trackerFile');
    return !!input && Object.keys(input).some((k) => k.startsWith('__reactProps'));
  });
}

/** Picks a CSV on /sessions/import (the page must be open) and waits for its column preview. */
export async function chooseTrackerCsv(page: Page, csv: string, name = 'tracker-export.csv') {
  await importPageReady(page);
  await page.getByLabel('CSV file from your tracker').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('region', { name: new RegExp(`rows of ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).waitFor();
}

/** Opens the import page, picks the CSV, imports it as mapped, and returns the outcome message. */
export async function importTrackerCsv(page: Page, csv: string, name?: string): Promise<string> {
  await page.goto('/sessions/import');
  await chooseTrackerCsv(page, csv, name);
  await page.getByRole('button', { name: 'Import sessions' }).click();
  const outcome = page.locator('.import-outcome .form-message');
  await outcome.waitFor();
  return outcome.innerText();
}
