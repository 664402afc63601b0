// The two tables' keys, as plain data: no Playwright import, so the vitest coverage test
// (tests/unit/coverage/actions-covered.test.ts) can check them against the source.
// A key is '<actions file>#<exported function>'. The specs attach one implementation per row
// name (typed: a row here without an implementation there does not compile).

export const ACTION_FILES = {
  holdings: 'app/(app)/_holdings/actions.ts',
  transfers: 'app/(app)/transfers/actions.ts',
  sessions: 'app/(app)/sessions/actions.ts',
  sessionsImport: 'app/(app)/sessions/import/actions.ts',
  goals: 'app/(app)/goals/actions.ts',
  settings: 'app/(app)/settings/actions.ts',
  articles: 'app/(app)/admin/articles/actions.ts',
  tags: 'app/(app)/admin/tags/actions.ts',
  reads: 'app/(public)/articles/[slug]/read-actions.ts',
  auth: 'app/(public)/auth-actions.ts',
} as const;

export type ActionKey = `${(typeof ACTION_FILES)[keyof typeof ACTION_FILES]}#${string}`;
const key = (file: keyof typeof ACTION_FILES, fn: string): ActionKey => `${ACTION_FILES[file]}#${fn}`;

interface RowMeta<Name extends string = string> {
  action: ActionKey;
  name: Name;
}

const row = <const Name extends string>(file: keyof typeof ACTION_FILES, fn: string, name: Name): RowMeta<Name> => ({ action: key(file, fn), name });

/* ------------------------------------------------------------------ invalidation table -- */

/** Every mutation, with the pages whose cached reads it must refresh (e2e/invalidation.spec.ts). */
export const INVALIDATION_ROWS = [
  row('holdings', 'addHoldingAction', 'create a poker site'),
  row('holdings', 'addHoldingAction', 'create an asset'),
  row('holdings', 'updateBalanceAction', 'update a balance'),
  row('holdings', 'renameHoldingAction', 'rename a site'),
  row('holdings', 'moveHoldingAction', 'move a site up'),
  row('holdings', 'moveHoldingAction', 'move a site down'),
  row('holdings', 'editSnapshotAction', 'edit the current snapshot'),
  row('holdings', 'deleteSnapshotAction', 'delete the current snapshot'),
  row('holdings', 'deleteHoldingAction', 'delete a site'),
  row('transfers', 'createTransferAction', 'add a deposit'),
  row('transfers', 'createTransferAction', 'add a withdrawal'),
  row('transfers', 'updateTransferAction', 'edit a deposit'),
  row('transfers', 'deleteTransferAction', 'delete a withdrawal'),
  row('goals', 'createGoalAction', 'create a goal'),
  row('goals', 'archiveGoalAction', 'archive a goal'),
  row('holdings', 'updateBalanceAction', 'a balance update completes the goal'),
  row('sessions', 'createSessionAction', 'log a session'),
  row('sessions', 'updateSessionAction', 'edit a session'),
  row('sessions', 'deleteSessionAction', 'delete a session'),
  row('sessions', 'startSessionAction', 'start a live session'),
  row('sessions', 'addRebuyAction', 'add a rebuy to the live session'),
  row('sessions', 'endSessionAction', 'end the live session with a site balance update'),
  row('sessions', 'endSessionAction', 'end a live session at a venue with a cash asset update'),
  row('sessionsImport', 'importTrackerSessionsAction', 'import sessions from another tracker'),
  row('sessionsImport', 'saveTrackerMappingAction', 'save a tracker import mapping'),
  row('settings', 'updateDisplayCurrencyAction', 'change the display currency'),
  row('settings', 'importDataAction', 'import data'),
  row('settings', 'changePasswordAction', 'change the password'),
  row('reads', 'setArticleReadAction', 'mark an article read'),
  row('reads', 'setArticleReadAction', 'mark an article unread'),
  row('tags', 'createTagAction', 'create a tag'),
  row('articles', 'createArticleAction', 'create a draft article'),
  row('articles', 'createArticleAction', 'create and publish an article'),
  row('articles', 'setArticleStatusAction', 'publish a draft'),
  row('articles', 'updateArticleAction', 'edit a published article'),
  row('articles', 'setArticleStatusAction', 'unpublish an article'),
  row('articles', 'deleteArticleAction', 'delete a published article'),
  row('tags', 'updateTagAction', 'rename a tag (name and slug)'),
  row('tags', 'deleteTagAction', 'delete a tag'),
  row('auth', 'registerAction', 'register'),
  row('auth', 'signInAction', 'sign in'),
  row('auth', 'signOutAction', 'sign out'),
  row('settings', 'deleteAccountAction', 'delete the account'),
] as const;

export type InvalidationRowName = (typeof INVALIDATION_ROWS)[number]['name'];

/** Exported server functions that are not mutations, with the reason. */
export const INVALIDATION_EXEMPT: Readonly<Record<string, string>> = {
  [key('articles', 'previewArticleAction')]: 'renders the editor text to HTML and returns it; it writes nothing, so no cached read can go stale',
  [key('auth', 'forgotPasswordAction')]: 'writes only a reset-token row, which no cached read holds (the reset page reads it per request)',
  [key('auth', 'resetPasswordAction')]: 'writes the password hash, reset tokens and sessions: none is in a cached read (sessions are read per request); e2e/password-reset.spec.ts checks the effects',
};

/* --------------------------------------------------------------------- isolation table -- */

/** Every action that takes an id, submitted by user B with user A's id (e2e/isolation.spec.ts). */
export const ISOLATION_ACTION_ROWS = [
  row('holdings', 'updateBalanceAction', "update the balance of A's site"),
  row('holdings', 'updateBalanceAction', "update the balance of A's asset"),
  row('holdings', 'renameHoldingAction', "rename A's site"),
  row('holdings', 'moveHoldingAction', "move A's site"),
  row('holdings', 'editSnapshotAction', "edit A's snapshot through A's site"),
  row('holdings', 'editSnapshotAction', "edit A's snapshot through B's own site"),
  row('holdings', 'deleteSnapshotAction', "delete A's snapshot through A's site"),
  row('holdings', 'deleteSnapshotAction', "delete A's snapshot through B's own site"),
  row('holdings', 'deleteHoldingAction', "delete A's site"),
  row('holdings', 'deleteHoldingAction', "delete A's asset"),
  row('transfers', 'updateTransferAction', "edit A's transfer"),
  row('transfers', 'deleteTransferAction', "delete A's transfer"),
  row('goals', 'archiveGoalAction', "archive A's goal"),
  row('sessions', 'createSessionAction', "log a session at A's site"),
  row('sessions', 'startSessionAction', "start a live session at A's site"),
  row('sessions', 'updateSessionAction', "edit A's session"),
  row('sessions', 'deleteSessionAction', "delete A's session"),
  row('sessions', 'endSessionAction', "end B's live session into A's cash asset"),
  row('articles', 'createArticleAction', 'a non-admin submits the new-article form'),
  row('articles', 'updateArticleAction', "a non-admin submits the admin's article edit form"),
  row('articles', 'setArticleStatusAction', "a non-admin submits the admin's publish button"),
  row('articles', 'deleteArticleAction', "a non-admin submits the admin's article delete form"),
  row('tags', 'createTagAction', 'a non-admin submits the new-tag form'),
  row('tags', 'updateTagAction', "a non-admin submits the admin's tag edit form"),
  row('tags', 'deleteTagAction', "a non-admin submits the admin's tag delete form"),
] as const;

export type IsolationActionRowName = (typeof ISOLATION_ACTION_ROWS)[number]['name'];

const ownAccountOnly = 'acts on the signed-in account only: the form carries no id to swap';

export const ISOLATION_EXEMPT: Readonly<Record<string, string>> = {
  [key('holdings', 'addHoldingAction')]: 'creates a new holding for the caller; takes no id (the kind is re-checked)',
  [key('transfers', 'createTransferAction')]: 'creates a new transfer for the caller; takes no id',
  [key('goals', 'createGoalAction')]: 'creates a new goal for the caller; takes no id',
  [key('sessions', 'addRebuyAction')]: "acts on the caller's own running session (at most one per user): the form carries no id",
  [key('sessionsImport', 'importTrackerSessionsAction')]:
    "takes no id: a file's places are matched by name to the caller's own poker sites only, any other name becomes the caller's own live venue (tests/integration/tracker-import.test.ts imports another user's site name)",
  [key('sessionsImport', 'saveTrackerMappingAction')]: "saves the caller's own mapping under the file's header signature: the form carries no id to swap",
  [key('settings', 'updateDisplayCurrencyAction')]: ownAccountOnly,
  [key('settings', 'importDataAction')]: ownAccountOnly,
  [key('settings', 'changePasswordAction')]: ownAccountOnly,
  [key('settings', 'deleteAccountAction')]: ownAccountOnly,
  [key('articles', 'previewArticleAction')]: 'takes text, not an id, and writes nothing; requireAdmin() guards it like the other admin actions',
  [key('reads', 'setArticleReadAction')]: "takes a public article slug and writes only the caller's own read mark (the isolation spec checks B does not see A's mark)",
  [key('auth', 'registerAction')]: 'takes no id: it runs before there is a user',
  [key('auth', 'signInAction')]: 'takes no id: e-mail and password only',
  [key('auth', 'signOutAction')]: "takes no id: ends the caller's own session",
  [key('auth', 'forgotPasswordAction')]: 'takes an e-mail, not an id, answers the same whoever it names, and mails the link only to that address',
  [key('auth', 'resetPasswordAction')]: "takes a 256-bit secret token, not an id: another user's token cannot be guessed, and a wrong one fails like an expired one",
};

/**
 * Page routes (URL patterns, route groups removed) that must answer 404 to B with A's ids, or
 * to a non-admin. Every page with a dynamic segment or under /admin must be here or exempt.
 */
export const ISOLATION_PAGE_ROUTES = [
  '/sites/[id]',
  '/sites/[id]/delete',
  '/sites/[id]/snapshots/[snapshotId]/edit',
  '/sites/[id]/snapshots/[snapshotId]/delete',
  '/assets/[id]',
  '/assets/[id]/delete',
  '/assets/[id]/snapshots/[snapshotId]/edit',
  '/assets/[id]/snapshots/[snapshotId]/delete',
  '/transfers/[id]/edit',
  '/transfers/[id]/delete',
  '/sessions/[id]',
  '/sessions/[id]/edit',
  '/sessions/[id]/delete',
  '/admin/articles',
  '/admin/articles/new',
  '/admin/articles/[id]',
  '/admin/tags',
  '/admin/tags/[id]',
  '/articles/[slug]',
] as const;

export type IsolationPageRoute = (typeof ISOLATION_PAGE_ROUTES)[number];

export const ISOLATION_PAGE_EXEMPT: Readonly<Record<string, string>> = {
  '/reset-password/[token]': 'the segment is a 256-bit secret from the mail, not an id: unknown, used and expired tokens answer 404 (e2e/password-reset.spec.ts)',
  '/articles/tag/[tag]': 'a public listing of published articles: it has no owner (a draft article is covered through /articles/[slug])',
  '/articles/sort/[sort]': 'a public page of the article index (sort in the path): published articles only, no owner',
  '/articles/sort/[sort]/page/[page]': 'a public page of the article index (sort and page in the path): published articles only, no owner',
};

/** Route handlers (URL patterns): covered by a row, or exempt with a reason. */
export const ISOLATION_HANDLER_ROUTES = ['/settings/export', '/api/articles/[slug]/read'] as const;

export const ISOLATION_HANDLER_EXEMPT: Readonly<Record<string, string>> = {
  '/api/health': 'liveness probe: no id, no user data',
  '/api/metrics': 'process and cache counters: no id, no user data',
  '/articles/feed.xml': 'public RSS feed of published articles: no id, no user data',
  '/articles/atom.xml': 'public Atom feed of published articles: no id, no user data',
  '/articles/tag/[tag]/feed.xml': "public RSS feed of one tag's published articles: no owner, no user data",
  '/articles/tag/[tag]/atom.xml': "public Atom feed of one tag's published articles: no owner, no user data",
  '/sitemap.xml': 'public list of published article URLs: no id, no user data',
  '/robots.txt': 'static crawler rules: no id, no user data',
  '/favicon.ico': 'the static app icon: no id, no user data',
};

/** Which discovered routes the isolation table must cover: anything with an id-like segment or under /admin. */
export const needsIsolationRow = (route: string): boolean => /\[[^\]]+\]/.test(route) || route === '/admin' || route.startsWith('/admin/');
