'use client';

// Shown when rendering fails (e.g. the database is unreachable). No stack
// trace or message reaches the visitor: only a digest to quote to support.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
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
