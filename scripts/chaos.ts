/**
 * npm run chaos [-- --duration <seconds>] [-- --short] [-- --users <n>] [-- --json <file>]
 *
 * Two `next start` instances sharing one Redis and one PostgreSQL (all started here, on loopback,
 * and stopped at the end), several signed-in users reading and writing, Redis killed and frozen
 * mid-run. Prints latency per phase and checks the targets: no 5xx, no failed request, no lost or
 * unacknowledged write, no stale read after the run, no user's data in another user's response
 * or on a shared page. Exits 1 when a target is missed. --short: 20 s (for CI).
 * See scripts/chaos/run.ts for the timeline.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatReport, runChaos } from './chaos/run';

const { values } = parseArgs({
  options: {
    duration: { type: 'string' },
    short: { type: 'boolean', default: false },
    users: { type: 'string', default: '6' },
    json: { type: 'string' },
  },
});

const seconds = Number(values.duration ?? (values.short ? 20 : 60));
const users = Number(values.users);
if (!Number.isFinite(seconds) || seconds < 8 || seconds > 1800) throw new Error('--duration: seconds between 8 and 1800');
if (!Number.isInteger(users) || users < 2 || users > 50) throw new Error('--users: between 2 and 50');

const report = await runChaos({ durationMs: seconds * 1000, users });
console.log(`\n${formatReport(report)}`);
if (values.json) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
process.exit(report.passed ? 0 : 1);
