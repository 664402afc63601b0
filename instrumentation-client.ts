import { config } from 'zod/v4/core';

// Runs in the browser before any page module. zod probes whether it may compile its object
// parsers with `new Function` the first time a schema is built (forms import the shared
// schemas): under our nonce CSP, without 'unsafe-eval', that probe is blocked and reported as a
// `securitypolicyviolation` on every form page, although zod catches it. jitless skips the probe;
// the fallback parser is the same validation, only not compiled. The server is unaffected.
config({ jitless: true });
