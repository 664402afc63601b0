// What the numbers were measured on: printed at the top of every result file.
import os from 'node:os';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ROOT } from './paths';
import { redisVersion } from './redis';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  next: string;
  peer: string;
  redis: string;
  postgres: string;
  loadStart: number[];
  loadEnd?: number[];
}

const pkgVersion = (dir: string) => {
  try {
    return String(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version);
  } catch {
    return 'unknown';
  }
};

export async function describeMachine(redisPort: number, databaseUrl: string, peerVersion: string): Promise<Machine> {
  const cpus = os.cpus();
  let postgres = 'unknown';
  try {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    postgres = String((await c.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version);
    await c.end();
  } catch {
    // reported as unknown
  }
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    next: pkgVersion(path.join(ROOT, 'node_modules', 'next')),
    peer: peerVersion,
    redis: await redisVersion(redisPort),
    postgres,
    loadStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
