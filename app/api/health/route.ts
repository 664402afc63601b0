import { NextResponse } from 'next/server';
import { checkHealth } from '@/lib/observability/health';

// Liveness/readiness for load balancers and monitors: always computed now, never cached.
export const dynamic = 'force-dynamic';

/** 200 while the app can serve (Redis down is 'degraded'), 503 when the database is down. */
export async function GET() {
  const report = await checkHealth();
  return NextResponse.json(report, {
    status: report.status === 'down' ? 503 : 200,
    headers: { 'Cache-Control': 'no-store' },
  });
}
