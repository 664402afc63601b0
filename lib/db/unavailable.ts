import 'server-only';
import { redirect } from 'next/navigation';
import { probeDatabase } from './adapter';
import { reportDatabaseError, UNAVAILABLE_PATH } from './availability';

/**
 * A render cannot choose its own status code, so the request that discovers a
 * database outage is redirected to a path that proxy.ts answers with the
 * friendly 503 page while the database is down (and sends home once it is
 * back). Other errors are left alone.
 */
export function redirectIfDatabaseDown(err: unknown): void {
  if (reportDatabaseError(err, probeDatabase)) redirect(UNAVAILABLE_PATH);
}
