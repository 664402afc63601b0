// A process holding the process-wide cache (src/index.mjs, as the app does), driven over
// stdin by test/outage-queue.test.ts. argv[2] = 'bare' (nobody else handles SIGTERM) or
// 'next' (a listener like next start's: async cleanup, then process.exit(143)).
import { createInterface } from 'node:readline';

const mode = process.argv[2];
if (mode === 'next') {
  process.on('SIGTERM', () => {
    void (async () => {
      await new Promise((r) => setTimeout(r, 20));
      process.exit(143);
    })();
  });
}
const { getSharedCache } = await import('../../src/index.mjs');
const { core } = getSharedCache({ buildId: 'drain' });
const ok = await core.ready(5000);
process.stdout.write(ok ? 'ready\n' : 'not-ready\n');
const rl = createInterface({ input: process.stdin });
rl.on('line', async (line) => {
  const [cmd, tag] = line.trim().split(' ');
  if (cmd === 'invalidate') {
    await core.revalidateTag(tag);
    process.stdout.write(`queued ${core.pending.size}\n`);
  }
});
