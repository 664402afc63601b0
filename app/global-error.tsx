'use client';

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem' }}>
        <h1>StakeEasy is temporarily unavailable</h1>
        <p>Please try again in a moment.</p>
        <button type="button" onClick={() => reset()}>
          Try again
        </button>
        {error.digest && <p>Reference: {error.digest}</p>}
      </body>
    </html>
  );
}
