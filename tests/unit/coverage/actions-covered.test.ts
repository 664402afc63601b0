import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  INVALIDATION_EXEMPT,
  INVALIDATION_ROWS,
  ISOLATION_ACTION_ROWS,
  ISOLATION_EXEMPT,
  ISOLATION_HANDLER_EXEMPT,
  ISOLATION_HANDLER_ROUTES,
  ISOLATION_PAGE_EXEMPT,
  ISOLATION_PAGE_ROUTES,
  needsIsolationRow,
} from '@/e2e/tables/keys';
import { actionFiles, exportedAsyncFunctions, handlerRoutes, pageRoutes, REPO_DIR, routeOf } from '@/e2e/tables/routes';

// A new server action, page or route handler must come with a row in the e2e tables
// (e2e/invalidation.spec.ts, e2e/isolation.spec.ts) or an exemption that says why.

const declared = actionFiles().flatMap((file) => exportedAsyncFunctions(readFileSync(path.join(REPO_DIR, file), 'utf8')).map((fn) => `${file}#${fn}`));

describe('the source scan', () => {
  it('finds the actions modules and their exports', () => {
    expect(actionFiles()).toEqual(expect.arrayContaining(['app/(app)/_holdings/actions.ts', 'app/(public)/auth-actions.ts', 'app/(public)/articles/[slug]/read-actions.ts']));
    expect(declared).toContain('app/(app)/_holdings/actions.ts#updateBalanceAction');
    expect(declared.length).toBeGreaterThanOrEqual(25);
  });

  it('reads both export forms', () => {
    const source = 'export async function a() {}\nexport const b = async () => {};\nexport const c: X = async function () {};\nasync function hidden() {}\nexport function sync() {}';
    expect(exportedAsyncFunctions(source)).toEqual(['a', 'b', 'c']);
  });

  it('turns files into URL patterns without route groups', () => {
    expect(routeOf('(app)/sites/[id]/snapshots/[snapshotId]/edit/page.tsx')).toBe('/sites/[id]/snapshots/[snapshotId]/edit');
    expect(routeOf('(public)/page.tsx')).toBe('/');
  });
});

describe.each([
  ['invalidation', INVALIDATION_ROWS.map((r) => r.action as string), INVALIDATION_EXEMPT],
  ['isolation', ISOLATION_ACTION_ROWS.map((r) => r.action as string), ISOLATION_EXEMPT],
] as const)('the %s table', (_name, covered, exempt) => {
  it.each(declared)('covers %s', (action) => {
    expect(covered.includes(action) || action in exempt, `${action}: add a row or an exemption with a reason`).toBe(true);
  });

  it('names only actions that exist, and exempts nothing it also covers', () => {
    for (const action of [...covered, ...Object.keys(exempt)]) expect(declared, action).toContain(action);
    for (const action of Object.keys(exempt)) expect(covered, action).not.toContain(action);
    for (const reason of Object.values(exempt)) expect(reason.length).toBeGreaterThan(20);
  });
});

describe('the isolation table covers the routes', () => {
  const pages = pageRoutes();
  const handlers = handlerRoutes();

  it.each(pages.filter(needsIsolationRow))('page %s', (route) => {
    expect((ISOLATION_PAGE_ROUTES as readonly string[]).includes(route) || route in ISOLATION_PAGE_EXEMPT, route).toBe(true);
  });

  it.each(handlers)('route handler %s', (route) => {
    expect((ISOLATION_HANDLER_ROUTES as readonly string[]).includes(route) || route in ISOLATION_HANDLER_EXEMPT, route).toBe(true);
  });

  it('lists only routes that exist', () => {
    for (const route of [...ISOLATION_PAGE_ROUTES, ...Object.keys(ISOLATION_PAGE_EXEMPT)]) expect(pages, route).toContain(route);
    for (const route of [...ISOLATION_HANDLER_ROUTES, ...Object.keys(ISOLATION_HANDLER_EXEMPT)]) expect(handlers, route).toContain(route);
  });
});
