'use client';

import { unstable_isUnrecognizedActionError } from 'next/navigation';

// Shown when rendering fails (e.g. the database is unreachable). No stack
// trace or message reaches the visitor: only a digest to quote to support.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // A form of this page was sent to an instance of a newer deploy, which does not know the
  // page's server action (HTTP 409 + x-nextjs-action-not-found). Nothing was saved; a reload
  // fetches the current page and its current actions. "Try again" would only resend the old id.
  // (A boolean, not the type guard: Error & { digest } has the guard's shape and would narrow to never.)
  const staleAction: boolean = unstable_isUnrecognizedActionError(error);
  if (staleAction) {
    return (
      <main id="main" className="container">
        <h1>This page is out of date</h1>
        <p className="lead">A new version of StakeEasy was released while the page was open. Nothing was saved: reload the page and submit again.</p>
        <p className="actions">
          <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        </p>
      </main>
    );
  }
  return (
    <main id="main" className="container">
      <h1>Something went wrong on our side</h1>
      <p className="lead">The service is temporarily unavailable. Your data is safe; please try again in a moment.</p>
      <p className="actions">
        <button type="button" className="btn btn-primary" onClick={() => reset()}>
          Try again
        </button>
      </p>
      {error.digest && <p className="muted">Reference: {error.digest}</p>}
    </main>
  );
}
