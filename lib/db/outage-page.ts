/**
 * The answer while the database is unreachable (proxy.ts): 503 + Retry-After with a small page
 * that needs nothing else from the server (no stylesheet, no script, no data), and says nothing
 * about the cause: no error text, no host name.
 */

export const OUTAGE_RETRY_AFTER_SECONDS = 5;

export const OUTAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="15">
<title>Temporarily unavailable · StakeEasy</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f6f7f9;color:#1d2330}
main{max-width:34rem;margin:12vh auto;padding:2rem;background:#fff;border-radius:12px;box-shadow:0 1px 4px rgba(0,0,0,.08)}
h1{font-size:1.4rem;margin:0 0 .75rem}
p{line-height:1.5;margin:.5rem 0}
.muted{color:#5b6475;font-size:.9rem}
</style>
</head>
<body>
<main id="main">
<h1>StakeEasy is temporarily unavailable</h1>
<p>We can't reach our database right now. Your data is safe: nothing has been lost.</p>
<p>Please try again in a moment; this page reloads by itself.</p>
<p class="muted">If you were saving something, check that it was saved once the page is back.</p>
</main>
</body>
</html>
`;

// Own policy: the page has inline styles and nothing else.
const OUTAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function outageResponse(method: string): Response {
  return new Response(method === 'HEAD' ? null : OUTAGE_HTML, {
    status: 503,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'retry-after': String(OUTAGE_RETRY_AFTER_SECONDS),
      'cache-control': 'no-store',
      'content-security-policy': OUTAGE_CSP,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'strict-origin-when-cross-origin',
    },
  });
}
