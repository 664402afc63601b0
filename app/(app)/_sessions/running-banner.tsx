import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { runningSession } from '@/lib/sessions/reads';
import { KIND_LABELS } from '@/lib/sessions/rules';
import { Elapsed } from './elapsed';

/** On every signed-in page while the live timer runs: how long, and a way back to it. */
export async function RunningBanner() {
  const user = await requireUser();
  const running = await runningSession(user.id);
  if (!running) return null;
  return (
    <aside className="running-banner" aria-label="Running session" data-testid="running-banner">
      <span className="running-dot" aria-hidden="true" />
      <span>
        {KIND_LABELS[running.kind]} running for <Elapsed since={running.startedAt} renderedAt={new Date().getTime()} />
      </span>
      <Link href="/sessions/live" className="btn btn-small">
        Open the live timer
      </Link>
    </aside>
  );
}
