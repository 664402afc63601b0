/**
 * Own redis-server processes for tests that stop, pause or restart Redis (never touch the shared
 * one on 6379). Every process is started with no persistence, on a free loopback port, and killed
 * by PID: call stop() in afterAll; an exit hook SIGKILLs anything still running if a test crashes.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);
export const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server';
export const REDIS_CLI = process.env.REDIS_CLI_BIN ?? '/usr/bin/redis-cli';

const live = new Set<ChildProcess>();
let hooked = false;
function hookExit() {
  if (hooked) return;
  hooked = true;
  const killAll = () => {
    for (const p of live) {
      try {
        if (p.pid) {
          process.kill(p.pid, 'SIGCONT');
          process.kill(p.pid, 'SIGKILL');
        }
      } catch {
        /* already gone */
      }
    }
  };
  process.once('exit', killAll);
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A free port p (and p + 10000 free too when `withBus`, for the cluster bus). */
export async function freePort(withBus = false): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const port = 20000 + Math.floor(Math.random() * 25000);
    if (!(await portFree(port))) continue;
    if (withBus && !(await portFree(port + 10000))) continue;
    return port;
  }
  throw new Error('no free port found');
}

/** Send one RESP command over a raw socket (works whatever ioredis does). */
export function rawCommand(port: number, args: string[], timeoutMs = 1000): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    let buf = '';
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error('raw command timeout'));
    }, timeoutMs);
    sock.on('data', (d) => {
      buf += d.toString('latin1');
      if (buf.endsWith('\r\n')) {
        clearTimeout(timer);
        sock.end();
        resolve(buf);
      }
    });
    sock.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    sock.write(`*${args.length}\r\n` + args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join(''));
  });
}

export async function redisCli(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await execFileP(REDIS_CLI, ['-h', '127.0.0.1', '-p', String(port), ...args], { timeout: 10_000 });
  return stdout;
}

async function waitFor(cond: () => Promise<boolean>, timeoutMs: number, what: string) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await cond().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export interface RedisServer {
  port: number;
  readonly pid: number;
  url: string;
  dir: string;
  /** SIGSTOP: the process freezes, TCP connections stay open, nothing answers */
  pause(): void;
  /** SIGCONT */
  resume(): void;
  /** SIGTERM (SIGKILL after 3 s) and remove the temp dir; data is lost (no persistence) */
  stop(): Promise<void>;
  /** stop the process but keep the port/dir so start() can bring it back */
  kill(): Promise<void>;
  /** start again on the same port (after kill()) */
  start(): Promise<void>;
  /** stop then start again on the same port */
  restart(): Promise<void>;
  info(section?: string): Promise<string>;
}

export interface StartOptions {
  port?: number;
  args?: string[];
  dir?: string;
}

export async function startRedis(opts: StartOptions = {}): Promise<RedisServer> {
  hookExit();
  const port = opts.port ?? (await freePort());
  const dir = opts.dir ?? mkdtempSync(path.join(os.tmpdir(), 'sec-redis-'));
  const ownsDir = !opts.dir;
  let proc: ChildProcess | undefined;
  let paused = false;

  const launch = async () => {
    const p = spawn(
      REDIS_SERVER,
      [
        '--port', String(port),
        '--bind', '127.0.0.1',
        '--save', '',
        '--appendonly', 'no',
        '--daemonize', 'no',
        '--protected-mode', 'no',
        '--dir', dir,
        '--loglevel', 'warning',
        ...(opts.args ?? []),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    p.stderr?.on('data', (d) => (stderr += d));
    live.add(p);
    p.once('exit', () => live.delete(p));
    proc = p;
    paused = false;
    try {
      await waitFor(async () => /^(\+PONG|-NOAUTH)/.test(await rawCommand(port, ['PING'], 300)), 5000, `redis on ${port}`);
    } catch (err) {
      p.kill('SIGKILL');
      throw new Error(`${(err as Error).message}: ${stderr}`);
    }
  };

  const stopProc = async () => {
    const p = proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise<void>((r) => p.once('exit', () => r()));
    if (paused) p.kill('SIGCONT');
    paused = false;
    p.kill('SIGTERM');
    const t = setTimeout(() => p.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(t);
  };

  try {
    await launch();
  } catch (err) {
    if (ownsDir) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const server: RedisServer = {
    port,
    get pid() {
      return proc?.pid ?? -1;
    },
    url: `redis://127.0.0.1:${port}`,
    dir,
    pause() {
      if (proc?.pid) {
        process.kill(proc.pid, 'SIGSTOP');
        paused = true;
      }
    },
    resume() {
      if (proc?.pid) {
        process.kill(proc.pid, 'SIGCONT');
        paused = false;
      }
    },
    async stop() {
      await stopProc();
      if (ownsDir) rmSync(dir, { recursive: true, force: true });
    },
    async restart() {
      await stopProc();
      await launch();
    },
    kill: () => stopProc(),
    start: () => launch(),
    info: (section = 'all') => redisCli(port, 'INFO', section),
  };
  return server;
}

export interface RedisCluster {
  nodes: RedisServer[];
  /** "127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3" */
  seeds: string;
  stop(): Promise<void>;
}

/** Three masters, no replicas, created with `redis-cli --cluster create`. */
export async function startCluster(size = 3): Promise<RedisCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sec-cluster-'));
  const nodes: RedisServer[] = [];
  try {
    for (let i = 0; i < size; i++) {
      const port = await freePort(true);
      nodes.push(
        await startRedis({
          port,
          dir,
          args: [
            '--cluster-enabled', 'yes',
            '--cluster-config-file', path.join(dir, `nodes-${port}.conf`),
            '--cluster-node-timeout', '2000',
          ],
        }),
      );
    }
    await execFileP(
      REDIS_CLI,
      ['--cluster', 'create', ...nodes.map((n) => `127.0.0.1:${n.port}`), '--cluster-replicas', '0', '--cluster-yes'],
      { timeout: 30_000 },
    );
    for (const n of nodes) {
      await waitFor(async () => (await redisCli(n.port, 'CLUSTER', 'INFO')).includes('cluster_state:ok'), 15_000, 'cluster_state:ok');
    }
  } catch (err) {
    await Promise.allSettled(nodes.map((n) => n.stop()));
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    nodes,
    seeds: nodes.map((n) => `127.0.0.1:${n.port}`).join(','),
    async stop() {
      await Promise.allSettled(nodes.map((n) => n.stop()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Calls per command from INFO commandstats, e.g. { evalsha: 12, hmget: 3 }. */
export async function commandStats(port: number): Promise<Record<string, number>> {
  const text = await redisCli(port, 'INFO', 'commandstats');
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) out[m[1]] = Number(m[2]);
  return out;
}

/**
 * Record the top-level commands clients send (MONITOR; commands run inside Lua scripts are
 * excluded, unlike INFO commandstats which counts them too).
 */
export async function monitorCommands(port: number, password?: string) {
  const { Redis } = await import('ioredis');
  const conn = new Redis({ port, host: '127.0.0.1', password });
  const mon = await conn.monitor();
  const seen: string[][] = [];
  mon.on('monitor', (_time: string, args: string[], source: string) => {
    if (source === 'lua' || /lua/i.test(source)) return;
    seen.push(args);
  });
  await new Promise((r) => setTimeout(r, 50));
  return {
    seen,
    async stop() {
      await new Promise((r) => setTimeout(r, 50));
      mon.disconnect();
      conn.disconnect();
      return seen;
    },
  };
}
