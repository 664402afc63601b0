/**
 * A loopback TCP proxy to put between the app and a server (PostgreSQL) so a test can take the
 * server away without touching it: `cut()` destroys every open connection and refuses new ones,
 * `restore()` forwards again. The proxy keeps its port across cuts, so the app's connection URL
 * stays valid the whole time.
 */
import net from 'node:net';
import { freePort } from './redis-server';

export interface TcpProxy {
  port: number;
  /** Connections forwarded since start. */
  readonly accepted: number;
  readonly isCut: boolean;
  /**
   * Destroys all open connections (both sides) and makes new ones fail: 'refuse' stops listening
   * (clients get ECONNREFUSED), 'reset' accepts and destroys at once (clients see the socket close).
   */
  cut(mode?: 'refuse' | 'reset'): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host?: string; port: number }, port?: number): Promise<TcpProxy> {
  const listenPort = port ?? (await freePort());
  const host = target.host ?? '127.0.0.1';
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  let state: 'open' | 'reset' | 'refuse' = 'open';
  let server: net.Server | null = null;

  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // A peer's reset must not become an unhandled 'error' event in the test process.
    socket.on('error', () => socket.destroy());
  };

  const onConnection = (client: net.Socket) => {
    track(client);
    if (state !== 'open') {
      client.destroy();
      return;
    }
    accepted++;
    const upstream = net.connect(target.port, host);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer(onConnection);
      s.once('error', reject);
      s.listen(listenPort, '127.0.0.1', () => {
        s.off('error', reject);
        server = s;
        resolve();
      });
    });

  const unlisten = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = null;
      if (!s) return resolve();
      s.close(() => resolve());
    });

  const destroyAll = () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
  };

  await listen();
  return {
    port: listenPort,
    get accepted() {
      return accepted;
    },
    get isCut() {
      return state !== 'open';
    },
    async cut(mode = 'refuse') {
      state = mode;
      if (mode === 'refuse') {
        const closed = unlisten();
        destroyAll();
        await closed;
      } else {
        destroyAll();
      }
    },
    async restore() {
      state = 'open';
      if (!server) await listen();
    },
    async close() {
      state = 'refuse';
      const closed = unlisten();
      destroyAll();
      await closed;
    },
  };
}
