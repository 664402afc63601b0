/**
 * Cross-user leak detection: every response body of the run is scanned for the unique markers of
 * the users it does not belong to. Each chaos user's e-mail, site name and transfer notes contain
 * its tag; its site balance is an amount no other user's page can show.
 */

export interface Identity {
  index: number;
  tag: string;
  email: string;
  holdingName: string;
  amountText: string;
  token: string;
}

export interface LeakFinding {
  kind: 'other user data' | 'per-user data on a public page' | 'session token in a body';
  viewer: string;
  path: string;
  what: string;
}

/** What only a signed-in reader's own page would say (read marks are rendered in the browser). */
const PER_USER_TEXT = /You have read this article|Mark as unread|Sign out/;

const markersOf = (u: Identity) => [u.tag, u.email, u.holdingName, u.amountText];

export class LeakScanner {
  readonly findings: LeakFinding[] = [];
  scanned = 0;

  constructor(private readonly users: Identity[]) {}

  /**
   * `viewer`: the user whose cookie the request carried (null: anonymous). `shared`: a page that
   * is the same for everyone (home, article index, article pages): no user's data at all.
   */
  scan(viewer: Identity | null, path: string, body: string, shared: boolean): void {
    this.scanned++;
    const who = viewer ? `user ${viewer.index}` : 'anonymous';
    for (const u of this.users) {
      if (body.includes(u.token)) this.findings.push({ kind: 'session token in a body', viewer: who, path, what: `user ${u.index}'s token` });
      if (u === viewer && !shared) continue;
      const hit = markersOf(u).find((m) => body.includes(m));
      if (hit) {
        this.findings.push({
          kind: shared ? 'per-user data on a public page' : 'other user data',
          viewer: who,
          path,
          what: `user ${u.index}'s ${hit === u.amountText ? 'balance' : 'marker'} "${hit}"`,
        });
      }
    }
    if (shared) {
      const m = PER_USER_TEXT.exec(body);
      if (m) this.findings.push({ kind: 'per-user data on a public page', viewer: who, path, what: `"${m[0]}"` });
    }
  }
}
