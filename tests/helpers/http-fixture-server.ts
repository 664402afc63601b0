/**
 * A real HTTP server on 127.0.0.1 (random port) answering fixed routes, for code that
 * fetches over HTTP (exchange rates). Each route is a status + body, optionally delayed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixtureRoute {
  status?: number;
  body: string;
  contentType?: string;
  /** Wait this long before answering (to test timeouts). */
  delayMs?: number;
}

export interface FixtureServer {
  url(path: string): string;
  /** How many requests each path received. */
  hits(path: string): number;
  close(): Promise<void>;
}

export const fixtureJson = (value: unknown): FixtureRoute => ({ body: JSON.stringify(value), contentType: 'application/json' });

/** The routes most rate tests need. */
export const standardRateRoutes = (slowMs = 2_000): Record<string, FixtureRoute> => ({
  '/usd.json': { body: '{"base":"USD","date":"2025-06-15","rates":{"EUR":0.91234567,"GBP":0.7812,"JPY":151.0005,"CAD":1.3702,"AUD":1.5101,"CHF":0.8833,"CNY":7.2401,"NZD":1.6402,"SEK":10.4403,"NOK":10.6604,"DKK":6.8005,"XAU":0.0004,"BTC":0.0000151}}', contentType: 'application/json' },
  '/eur.json': { body: '{"base":"EUR","rates":{"USD":1.25,"GBP":0.85,"JPY":160}}', contentType: 'application/json' },
  '/error': { status: 500, body: 'Internal Server Error' },
  '/slow.json': { body: '{"base":"USD","rates":{"EUR":0.9}}', contentType: 'application/json', delayMs: slowMs },
  '/invalid.json': { body: '{"base":"USD","rates":{"EUR":0.9', contentType: 'application/json' },
});

export async function startFixtureServer(routes: Record<string, FixtureRoute>): Promise<FixtureServer> {
  const hits = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://fixture').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const answer = () => {
      timers.delete(timer);
      if (res.destroyed) return;
      res.writeHead(route.status ?? 200, { 'content-type': route.contentType ?? 'text/plain' }).end(route.body);
    };
    const timer = setTimeout(answer, route.delayMs ?? 0);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    hits: (path) => hits.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
