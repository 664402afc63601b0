'use client';

import { useEffect, useState } from 'react';

const format = (ms: number) => {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
};

/**
 * Time since `since`, ticking once a second. The server renders the value at render time, so
 * without JavaScript (or before hydration) the page still shows a correct elapsed time.
 */
export function Elapsed({ since, renderedAt }: { since: string; renderedAt: number }) {
  const start = Date.parse(since);
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={since} data-testid="session-elapsed" suppressHydrationWarning>
      {format(now - start)}
    </time>
  );
}
