import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { ADMIN, signIn, signUpAndIn } from './helpers';
import {
  ISOLATION_ACTION_ROWS,
  ISOLATION_HANDLER_EXEMPT,
  ISOLATION_HANDLER_ROUTES,
  ISOLATION_PAGE_EXEMPT,
  ISOLATION_PAGE_ROUTES,
  needsIsolationRow,
  type IsolationActionRowName,
  type IsolationPageRoute,
} from './tables/keys';
import { handlerRoutes, pageRoutes } from './tables/routes';
import {
  activeGoalId,
  addHolding,
  addTransfer,
  adminCreateArticle,
  adminCreateTag,
  articleInput,
  createGoal,
  exportOf,
  logSession,
  notFoundHeading,
  snapshotIds,
  stampOf,
  startLiveSession,
  updateBalance,
} from './tables/ui';

// "For EVERY page, route handler and server action that takes an id: another user's id answers
// 404 and writes nothing." User A (and the admin) own data; user B, signed in, tries A's ids:
//   pages: every id route (and every admin page, as a non-admin) answers HTTP 404 and shows
//     nothing of A's;
//   actions: B opens B's OWN form, swaps the hidden id for A's (before submitting), and gets the
//     not-found UI; A's and B's exports are then byte-for-byte what they were (nothing written);
//   admin actions: B submits the admin's own form (its HTML, action ids included) and gets 404;
//   route handlers: the export holds only B's data, the read-mark API only the caller's mark.
// The tables' keys live in e2e/tables/keys.ts; the vitest coverage test checks them against the
// exported actions and the app's routes, and so does the first test here for the routes.

const READ_ARTICLE = 'risk-of-ruin-explained-for-poker-players';

interface Owner {
  page: Page;
  email: string;
  names: string[];
  site: string;
  /** B moves this one (the second site). */
  siteTwo: string;
  siteSnaps: string[];
  asset: string;
  assetSnaps: string[];
  transfer: string;
  goal: string;
  /** An ended play session at the first site. */
  session: string;
}

interface World {
  browser: Browser;
  a: Owner;
  b: Owner;
  admin: Page;
  anon: APIRequestContext;
  /** Admin-owned objects: a tag and a draft article. */
  tag: { id: string; name: string; slug: string };
  draft: { id: string; title: string; slug: string };
  /** What A and B export before B's attempts. */
  baseline: { a: Record<string, unknown>; b: Record<string, unknown> };
}

/** Sites, assets (two snapshots each), a deposit and an active goal, through the UI. */
async function seedOwner(browser: Browser, tag: string): Promise<Owner> {
  const page = await (await browser.newContext()).newPage();
  const email = await signUpAndIn(page, tag);
  const stamp = stampOf();
  const names = [`${tag} site ${stamp}`, `${tag} second ${stamp}`, `${tag} asset ${stamp}`, `${tag}-transfer-${stamp}`];
  const site = await addHolding(page, 'sites', { name: names[0], amount: '111.11' });
  await page.goto(`/sites/${site}`);
  await updateBalance(page, '222.22');
  const siteTwo = await addHolding(page, 'sites', { name: names[1], amount: '5.00' });
  const asset = await addHolding(page, 'assets', { name: names[2], amount: '33.33', assetType: 'Cash' });
  await page.goto(`/assets/${asset}`);
  await updateBalance(page, '44.44');
  const transfer = await addTransfer(page, 'DEPOSIT', '42.00', names[3]);
  await createGoal(page, '1,000,000');
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString().slice(0, 16);
  const session = await logSession(page, { where: `${names[0]} (online)`, buyIn: '50', cashOut: '65', start: hoursAgo(4), end: hoursAgo(2) });
  return {
    session,
    page,
    email,
    names,
    site,
    siteTwo,
    siteSnaps: await snapshotIds(page, 'sites', site),
    asset,
    assetSnaps: await snapshotIds(page, 'assets', asset),
    transfer,
    goal: (await activeGoalId(page))!,
  };
}

/** Everything of A that must never reach B (ids and names). */
const secretsOf = (w: World): string[] => [w.a.site, w.a.siteTwo, w.a.asset, ...w.a.siteSnaps, ...w.a.assetSnaps, w.a.transfer, w.a.goal, w.a.session, w.a.email, ...w.a.names];

/* ------------------------------------------------------------------------ page rows -- */

/** The URLs of each route that B must get a 404 for: A's ids, and B's holding with A's snapshot. */
const PAGE_URLS: Record<IsolationPageRoute, (w: World) => string[]> = {
  '/sites/[id]': (w) => [`/sites/${w.a.site}`, `/sites/${w.a.asset}`],
  '/sites/[id]/delete': (w) => [`/sites/${w.a.site}/delete`],
  '/sites/[id]/snapshots/[snapshotId]/edit': (w) => [`/sites/${w.a.site}/snapshots/${w.a.siteSnaps[0]}/edit`, `/sites/${w.b.site}/snapshots/${w.a.siteSnaps[0]}/edit`],
  '/sites/[id]/snapshots/[snapshotId]/delete': (w) => [`/sites/${w.a.site}/snapshots/${w.a.siteSnaps[1]}/delete`, `/sites/${w.b.site}/snapshots/${w.a.siteSnaps[1]}/delete`],
  '/assets/[id]': (w) => [`/assets/${w.a.asset}`, `/assets/${w.a.site}`],
  '/assets/[id]/delete': (w) => [`/assets/${w.a.asset}/delete`],
  '/assets/[id]/snapshots/[snapshotId]/edit': (w) => [`/assets/${w.a.asset}/snapshots/${w.a.assetSnaps[0]}/edit`, `/assets/${w.b.asset}/snapshots/${w.a.assetSnaps[0]}/edit`],
  '/assets/[id]/snapshots/[snapshotId]/delete': (w) => [`/assets/${w.a.asset}/snapshots/${w.a.assetSnaps[1]}/delete`, `/assets/${w.b.asset}/snapshots/${w.a.assetSnaps[1]}/delete`],
  '/transfers/[id]/edit': (w) => [`/transfers/${w.a.transfer}/edit`],
  '/transfers/[id]/delete': (w) => [`/transfers/${w.a.transfer}/delete`],
  '/sessions/[id]': (w) => [`/sessions/${w.a.session}`],
  '/sessions/[id]/edit': (w) => [`/sessions/${w.a.session}/edit`],
  '/sessions/[id]/delete': (w) => [`/sessions/${w.a.session}/delete`],
  '/admin/articles': () => ['/admin/articles'],
  '/admin/articles/new': () => ['/admin/articles/new'],
  '/admin/articles/[id]': (w) => [`/admin/articles/${w.draft.id}`],
  '/admin/tags': () => ['/admin/tags'],
  '/admin/tags/[id]': (w) => [`/admin/tags/${w.tag.id}`],
  // The admin's draft: not public, so nobody but the editors sees it.
  '/articles/[slug]': (w) => [`/articles/${w.draft.slug}`],
};

/* ---------------------------------------------------------------------- action rows -- */

/**
 * On B's own page: fill B's form, then swap its hidden ids for A's (just before submitting, so
 * no re-render can put B's back), submit, and expect the not-found UI.
 */
async function forgeOwnForm(page: Page, url: string, form: string, ids: Record<string, string>, fill: (form: ReturnType<Page['locator']>) => Promise<void>, submit: string) {
  await page.goto(url);
  const target = page.locator(form);
  await expect(target).toHaveCount(1);
  await fill(target);
  await target.evaluate((el, values) => {
    for (const [name, value] of Object.entries(values)) {
      const input = el.querySelector<HTMLInputElement>(`input[name="${name}"]`);
      if (!input) throw new Error(`no hidden input ${name}`);
      input.value = value;
    }
  }, ids);
  await target.getByRole('button', { name: submit, exact: true }).click();
  await expect(notFoundHeading(page)).toBeVisible();
}

const noFill = async () => undefined;

/**
 * On B's own session form (log or live start): fill it for B's own site, then point the "Where"
 * select at A's site (an option B was never offered) just before submitting.
 */
async function forgeSessionPlace(w: World, url: string, submit: string, fill: (form: ReturnType<Page['locator']>) => Promise<void>) {
  const page = w.b.page;
  await page.goto(url);
  const form = page.locator('form.session-form', { has: page.getByRole('button', { name: submit }) });
  await form.getByLabel('Where').selectOption({ label: `${w.b.names[0]} (online)` });
  await form.getByLabel('Small blind').fill('1');
  await form.getByLabel('Big blind').fill('2');
  await form.getByLabel('Buy-in').fill('10');
  await fill(form);
  await form.getByLabel('Where').evaluate((el, value) => {
    const select = el as HTMLSelectElement;
    select.add(new Option('forged', value));
    select.value = value;
  }, `site:${w.a.site}`);
  await form.getByRole('button', { name: submit, exact: true }).click();
  await expect(notFoundHeading(page)).toBeVisible();
}

/**
 * Submits a form the ADMIN was served (server-action ids and all) from B's browser, without
 * JavaScript, the way a forged cross-user POST would arrive. Returns the response status.
 */
async function submitServedForm(as: Page, admin: Page, url: string, form: string, values: Record<string, string>): Promise<number> {
  const html = await (await admin.request.get(url)).text();
  await as.goto(url);
  const [response] = await Promise.all([
    as.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(url)),
    as.evaluate(
      ({ html, form, values }) => {
        const served = new DOMParser().parseFromString(html, 'text/html').querySelector(form);
        if (!served) throw new Error(`no form ${form}`);
        const el = document.importNode(served, true) as HTMLFormElement;
        for (const [name, value] of Object.entries(values)) {
          const field = el.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`);
          if (!field) throw new Error(`no field ${name}`);
          if (field instanceof HTMLInputElement && field.type === 'checkbox') field.checked = true;
          else field.value = value;
        }
        document.body.append(el);
        HTMLFormElement.prototype.submit.call(el); // native submit: no React, no fetch
      },
      { html, form, values },
    ),
  ]);
  return response.status();
}

const ARTICLE_FORM = 'form:has(textarea[name="markdown"])';
const TAG_FORM = 'form:has(input[name="name"])';
const CONFIRM_FORM = 'form:has(input[name="confirm"])';
const STATUS_FORM = 'form:has(input[name="intent"])';

async function expectAdminSubmitRefused(w: World, url: string, form: string, values: Record<string, string>) {
  expect(await submitServedForm(w.b.page, w.admin, url, form, values)).toBe(404);
  await expect(notFoundHeading(w.b.page)).toBeVisible();
}

const FORGED = 'Forged by B';

const ACTIONS: Record<IsolationActionRowName, (w: World) => Promise<void>> = {
  "update the balance of A's site": (w) =>
    forgeOwnForm(w.b.page, `/sites/${w.b.site}`, 'form:has(input[name="amount"])', { holdingId: w.a.site }, (f) => f.getByLabel('New balance').fill('1.00'), 'Update balance'),
  "update the balance of A's asset": (w) =>
    forgeOwnForm(w.b.page, `/assets/${w.b.asset}`, 'form:has(input[name="amount"])', { holdingId: w.a.asset }, (f) => f.getByLabel('New balance').fill('1.00'), 'Update balance'),
  "rename A's site": (w) =>
    forgeOwnForm(w.b.page, `/sites/${w.b.site}`, 'form:has(input[name="name"])', { holdingId: w.a.site }, (f) => f.getByLabel('Name', { exact: true }).fill(FORGED), 'Rename'),
  "move A's site": (w) =>
    forgeOwnForm(w.b.page, '/sites', `form:has(button[aria-label="Move ${w.b.names[1]} up"])`, { holdingId: w.a.site }, noFill, `Move ${w.b.names[1]} up`),
  "edit A's snapshot through A's site": (w) =>
    forgeOwnForm(
      w.b.page,
      `/sites/${w.b.site}/snapshots/${w.b.siteSnaps[0]}/edit`,
      'form:has(input[name="amount"])',
      { holdingId: w.a.site, snapshotId: w.a.siteSnaps[0] },
      (f) => f.getByLabel('Balance (USD)').fill('1.00'),
      'Save snapshot',
    ),
  "edit A's snapshot through B's own site": (w) =>
    forgeOwnForm(
      w.b.page,
      `/sites/${w.b.site}/snapshots/${w.b.siteSnaps[0]}/edit`,
      'form:has(input[name="amount"])',
      { snapshotId: w.a.siteSnaps[0] },
      (f) => f.getByLabel('Balance (USD)').fill('1.00'),
      'Save snapshot',
    ),
  "delete A's snapshot through A's site": (w) =>
    forgeOwnForm(w.b.page, `/sites/${w.b.site}/snapshots/${w.b.siteSnaps[0]}/delete`, 'form:has(input[name="snapshotId"])', { holdingId: w.a.site, snapshotId: w.a.siteSnaps[0] }, noFill, 'Delete snapshot'),
  "delete A's snapshot through B's own site": (w) =>
    forgeOwnForm(w.b.page, `/sites/${w.b.site}/snapshots/${w.b.siteSnaps[0]}/delete`, 'form:has(input[name="snapshotId"])', { snapshotId: w.a.siteSnaps[0] }, noFill, 'Delete snapshot'),
  "delete A's site": (w) =>
    forgeOwnForm(w.b.page, `/sites/${w.b.site}/delete`, CONFIRM_FORM, { holdingId: w.a.site }, (f) => f.getByRole('checkbox').check(), 'Delete poker site'),
  "delete A's asset": (w) =>
    forgeOwnForm(w.b.page, `/assets/${w.b.asset}/delete`, CONFIRM_FORM, { holdingId: w.a.asset }, (f) => f.getByRole('checkbox').check(), 'Delete asset'),
  "edit A's transfer": (w) =>
    forgeOwnForm(w.b.page, `/transfers/${w.b.transfer}/edit`, 'form:has(input[name="amount"])', { id: w.a.transfer }, (f) => f.getByLabel('Amount').fill('1.00'), 'Save changes'),
  "delete A's transfer": (w) => forgeOwnForm(w.b.page, `/transfers/${w.b.transfer}/delete`, 'form:has(input[name="id"])', { id: w.a.transfer }, noFill, 'Delete deposit'),
  "log a session at A's site": (w) =>
    forgeSessionPlace(w, '/sessions/new', 'Save session', async (f) => {
      await f.getByLabel('Cash-out').fill('20');
    }),
  "start a live session at A's site": (w) => forgeSessionPlace(w, '/sessions/live', 'Start session', noFill),
  "edit A's session": (w) =>
    forgeOwnForm(w.b.page, `/sessions/${w.b.session}/edit`, 'form.session-form', { id: w.a.session }, (f) => f.getByLabel('Cash-out').fill('1'), 'Save changes'),
  "delete A's session": (w) => forgeOwnForm(w.b.page, `/sessions/${w.b.session}/delete`, 'form:has(input[name="id"])', { id: w.a.session }, noFill, 'Delete session'),
  "end B's live session into A's cash asset": async (w) => {
    const page = w.b.page;
    await startLiveSession(page, 'A new live venue…', '10', 'Isolation club');
    await page.goto('/sessions/live');
    const form = page.getByRole('form', { name: 'End the session' });
    await form.getByLabel(/^Cash-out/).fill('500');
    // B is offered B's own cash asset only; point the select at A's just before submitting.
    await form.getByLabel('Update a cash asset with this result').evaluate((el, value) => {
      const select = el as HTMLSelectElement;
      select.add(new Option('forged', value));
      select.value = value;
    }, w.a.asset);
    await form.getByRole('button', { name: 'End session', exact: true }).click();
    await expect(notFoundHeading(page)).toBeVisible();
    // The running session (not part of the export) is discarded, so the next rows start clean.
    await page.goto('/sessions/live');
    await page.getByRole('link', { name: 'Discard this session…' }).click();
    await page.getByRole('button', { name: 'Delete session', exact: true }).click();
    await expect(page).toHaveURL(/\/sessions\?done=deleted$/);
  },
  "archive A's goal": (w) => forgeOwnForm(w.b.page, '/goals', 'form:has(input[name="goalId"])', { goalId: w.a.goal }, noFill, 'Archive this goal'),

  'a non-admin submits the new-article form': (w) =>
    expectAdminSubmitRefused(w, '/admin/articles/new', ARTICLE_FORM, { title: `${FORGED} article`, slug: 'forged-by-b', summary: 'A forged article that must never be saved.', markdown: 'Forged.' }),
  "a non-admin submits the admin's article edit form": (w) => expectAdminSubmitRefused(w, `/admin/articles/${w.draft.id}`, ARTICLE_FORM, { title: `${FORGED} title` }),
  "a non-admin submits the admin's publish button": (w) => expectAdminSubmitRefused(w, `/admin/articles/${w.draft.id}`, STATUS_FORM, {}),
  "a non-admin submits the admin's article delete form": (w) => expectAdminSubmitRefused(w, `/admin/articles/${w.draft.id}`, CONFIRM_FORM, { confirm: 'yes' }),
  'a non-admin submits the new-tag form': (w) => expectAdminSubmitRefused(w, '/admin/tags', TAG_FORM, { name: `${FORGED} tag`, slug: 'forged-by-b' }),
  "a non-admin submits the admin's tag edit form": (w) => expectAdminSubmitRefused(w, `/admin/tags/${w.tag.id}`, TAG_FORM, { name: `${FORGED} tag` }),
  "a non-admin submits the admin's tag delete form": (w) => expectAdminSubmitRefused(w, `/admin/tags/${w.tag.id}`, CONFIRM_FORM, { confirm: 'yes' }),
};

/** The admin's objects are as they were: nothing forged was saved, published or deleted. */
async function expectAdminDataUnchanged(w: World) {
  const admin = w.admin;
  await admin.goto(`/admin/tags/${w.tag.id}`);
  await expect(admin.getByLabel('Name')).toHaveValue(w.tag.name);
  await admin.goto(`/admin/articles/${w.draft.id}`);
  await expect(admin.getByLabel('Title', { exact: true })).toHaveValue(w.draft.title);
  await expect(admin.getByRole('heading', { name: 'Status: Draft' })).toBeVisible();
  for (const list of ['/admin/tags', '/admin/articles']) {
    const html = await (await admin.request.get(list)).text();
    expect(html, list).not.toContain(FORGED);
  }
  expect((await w.anon.get('/articles/forged-by-b')).status()).toBe(404);
}

/* -------------------------------------------------------------------------- the spec -- */

test('every id page, admin page and route handler has an isolation row (from the filesystem)', () => {
  for (const route of pageRoutes().filter(needsIsolationRow)) {
    expect((ISOLATION_PAGE_ROUTES as readonly string[]).includes(route) || route in ISOLATION_PAGE_EXEMPT, `page ${route} needs an isolation row`).toBe(true);
  }
  for (const route of handlerRoutes()) {
    expect((ISOLATION_HANDLER_ROUTES as readonly string[]).includes(route) || route in ISOLATION_HANDLER_EXEMPT, `route handler ${route} needs an isolation row`).toBe(true);
  }
});

test.describe("another user's ids answer 404 and write nothing", () => {
  let w: World;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    const [a, b] = await Promise.all([seedOwner(browser, 'iso-a'), seedOwner(browser, 'iso-b')]);
    // A has read an article: B must not see A's mark.
    await a.page.goto(`/articles/${READ_ARTICLE}`);
    await a.page.getByRole('button', { name: 'Mark as read' }).click();
    await expect(a.page.getByTestId('read-state')).toHaveText('✓ You have read this article.');

    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, ADMIN.email, ADMIN.password);
    const stamp = stampOf();
    const tag = { name: `Iso tag ${stamp}`, slug: `iso-tag-${stamp}`, id: '' };
    tag.id = await adminCreateTag(admin, tag.name, tag.slug);
    const input = articleInput(`iso-${stamp}`, `iso-${stamp}`, [tag.name]);
    const draft = { id: await adminCreateArticle(admin, input, false), title: input.title, slug: input.slug };

    const anon = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
    w = { browser, a, b, admin, anon, tag, draft, baseline: { a: await exportOf(a.page.request), b: await exportOf(b.page.request) } };
  });

  test.afterAll(async () => {
    await w?.anon.dispose();
    for (const page of [w?.a.page, w?.b.page, w?.admin]) await page?.context().close();
  });

  test("control: the admin's own served form does submit (so the 404s below are not vacuous)", async () => {
    const status = await submitServedForm(w.admin, w.admin, `/admin/tags/${w.tag.id}`, TAG_FORM, { description: `Control ${stampOf()}` });
    expect([200, 303]).toContain(status);
    await expect(w.admin).toHaveURL(/\/admin\/tags\?notice=saved$/);
  });

  for (const route of ISOLATION_PAGE_ROUTES) {
    test(`page ${route}`, async () => {
      for (const url of PAGE_URLS[route](w)) {
        const res = await w.b.page.request.get(url, { maxRedirects: 0 });
        expect(res.status(), url).toBe(404);
        const html = await res.text();
        // (An id B typed into the URL comes back in the 404 page's own route data: not a leak.)
        for (const secret of [...secretsOf(w), w.draft.title].filter((x) => !url.includes(x))) expect(html, `${url} leaks ${secret}`).not.toContain(secret);
      }
    });
  }

  test('route /settings/export: only the caller’s data', async () => {
    for (const format of ['json', 'csv']) {
      const res = await w.b.page.request.get(`/settings/export?format=${format}`);
      expect(res.status()).toBe(200);
      const body = await res.text();
      for (const name of w.b.names) expect(body, `${format} has B's ${name}`).toContain(name);
      for (const secret of secretsOf(w)) expect(body, `${format} leaks ${secret}`).not.toContain(secret);
    }
    const anonymous = await w.anon.get('/settings/export?format=json', { maxRedirects: 0 });
    expect(anonymous.status()).not.toBe(200);
  });

  test("route /api/articles/[slug]/read: only the caller's mark", async () => {
    const api = `/api/articles/${READ_ARTICLE}/read`;
    expect(await (await w.a.page.request.get(api)).json()).toEqual({ signedIn: true, read: true });
    expect(await (await w.b.page.request.get(api)).json()).toEqual({ signedIn: true, read: false });
    const anonymous = await w.anon.get(api);
    expect(await anonymous.json()).toEqual({ signedIn: false, read: false });
    expect(anonymous.headers()['cache-control']).toBe('private, no-store');
    expect((await w.b.page.request.get(`/api/articles/${w.draft.slug}/read`)).status()).toBe(404);
  });

  for (const row of ISOLATION_ACTION_ROWS) {
    test(`action ${row.name} [${row.action.split('/').pop()}]`, async () => {
      await test.step('B submits with the foreign id', () => ACTIONS[row.name](w));
      await test.step('nothing was written', async () => {
        expect(await exportOf(w.a.page.request), "A's data").toEqual(w.baseline.a);
        expect(await exportOf(w.b.page.request), "B's data").toEqual(w.baseline.b);
        if (row.action.includes('/admin/')) await expectAdminDataUnchanged(w);
      });
    });
  }
});
