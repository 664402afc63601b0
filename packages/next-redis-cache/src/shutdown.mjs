// @ts-check
/**
 * Drain the outage queue on SIGTERM / SIGINT before the process exits.
 *
 * `next start` handles both signals itself (next/dist/server/lib/start-server.js): it closes the
 * HTTP server, waits for in-flight requests and Next's own cleanup, then calls
 * `process.exit(143)` (SIGINT: 130). A cache handler has no hook into that sequence, and an
 * explicit process.exit skips 'beforeExit'. So our listener is put first (prependListener), starts
 * the drain at once (in parallel with Next's shutdown) and, for as long as the drain runs (bounded
 * by CACHE_DRAIN_TIMEOUT_MS), defers any process.exit call until it has finished; the exit then
 * happens with the code it was called with. When nobody else handles the signal (a plain node
 * process), we do not exit ourselves: after the drain the listener removes itself and re-raises
 * the signal, so the default action (terminate by that signal) takes place as it would have.
 *
 * What remains possible: SIGKILL (or an OOM kill, a crash, a drain deadline that passes while
 * Redis is still unreachable) during an outage loses the invalidations this process queued;
 * entries other instances hold for those tags then stay served until their TTL or the next
 * invalidation of the tag. Per-user data does not depend on this (its keys carry the data version).
 */

/** @typedef {{ drain: (timeoutMs?: number) => Promise<boolean>, cfg: { drainTimeoutMs: number } }} Drainable */

const SIGNALS = /** @type {const} */ (['SIGTERM', 'SIGINT']);

/**
 * Until `done` settles, calls to process.exit are deferred to after it.
 * @param {Promise<unknown>} done
 */
function holdExitUntil(done) {
  const realExit = process.exit;
  /** @type {(code?: number | string | null) => never} */
  const guarded = /** @type {any} */ (
    (/** @type {number | string | null | undefined} */ code) => {
      void done.finally(() => {
        if (process.exit === guarded) process.exit = realExit;
        realExit.call(process, code ?? undefined);
      });
    }
  );
  process.exit = guarded;
  void done.finally(() => {
    if (process.exit === guarded) process.exit = realExit;
  });
}

/** @type {WeakSet<object>} */
const installed = new WeakSet();

/**
 * @param {Drainable} core
 */
export function installShutdownDrain(core) {
  if (installed.has(core)) return;
  installed.add(core);
  for (const signal of SIGNALS) {
    /** @type {Promise<boolean> | null} */
    let draining = null;
    const onSignal = () => {
      if (draining) return;
      const othersHandle = process.listeners(signal).some((l) => l !== onSignal);
      draining = core.drain(core.cfg.drainTimeoutMs).catch(() => false);
      holdExitUntil(draining);
      if (!othersHandle) {
        void draining.finally(() => {
          process.removeListener(signal, onSignal);
          process.kill(process.pid, signal);
        });
      }
    };
    process.prependListener(signal, onSignal);
  }
}
