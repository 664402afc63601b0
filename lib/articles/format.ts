/** Presentation helpers shared by the public article pages. Pure. */
import { TEAM_AUTHOR_NAME } from '@/lib/articles/json-ld';

/** Never the e-mail: a display name or the team. */
export function authorName(displayName: string | null | undefined): string {
  const name = displayName?.trim();
  return name ? name : TEAM_AUTHOR_NAME;
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "14 March 2025" for an ISO timestamp (UTC, so server and client agree). */
export function formatArticleDate(iso: string): string {
  return DATE_FORMAT.format(new Date(iso));
}

/** Absolute URL on the public site (PUBLIC_URL, as metadataBase in app/layout.tsx). */
export function absoluteUrl(path: string): string {
  const base = process.env.PUBLIC_URL ?? 'http://localhost:3000';
  return new URL(path, base.endsWith('/') ? base : `${base}/`).toString();
}
