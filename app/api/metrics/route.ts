import { metricsRegistry } from '@/lib/observability/metrics';

// Prometheus scrape target: process metrics and the cache handler's counters, never cached.
export const dynamic = 'force-dynamic';

export async function GET() {
  const registry = await metricsRegistry();
  return new Response(await registry.metrics(), {
    headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' },
  });
}
