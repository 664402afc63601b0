import { readyRedis, redis } from '@/lib/redis';

// Fixed-window counters. In Redis when configured, so limits hold across
// instances; in process otherwise (and when Redis fails: failing open to a
// local limit is better than locking everyone out or letting everyone in).

export interface LimitRule {
  name: string;
  max: number;
  windowSeconds: number;
}

export interface LimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

const local = new Map<string, { count: number; resetAt: number }>();

function hitLocal(key: string, windowMs: number, now: number): { count: number; resetAt: number } {
  let entry = local.get(key);
  if (!entry || entry.resetAt <= now) {
    entry = { count: 0, resetAt: now + windowMs };
    local.set(key, entry);
  }
  entry.count += 1;
  if (local.size > 50_000) {
    for (const [k, v] of local) if (v.resetAt <= now) local.delete(k);
  }
  return entry;
}

async function hitRedis(key: string, windowMs: number): Promise<{ count: number; resetAt: number } | null> {
  const client = await readyRedis();
  if (!client) return null;
  try {
    const [[, count], [, ttl]] = (await client
      .multi()
      .incr(key)
      .pttl(key)
      .exec()) as [[null, number], [null, number]];
    let remaining = ttl;
    if (ttl < 0) {
      await client.pexpire(key, windowMs);
      remaining = windowMs;
    }
    return { count, resetAt: Date.now() + remaining };
  } catch {
    return null;
  }
}

/** Counts one attempt against `rule` for `subject` (an IP or an e-mail). */
export async function hit(rule: LimitRule, subject: string, now = Date.now()): Promise<LimitResult> {
  const key = `${process.env.CACHE_KEY_PREFIX ?? 'stakeeasy:'}rl:${rule.name}:${subject.toLowerCase()}`;
  const windowMs = rule.windowSeconds * 1000;
  const entry = (await hitRedis(key, windowMs)) ?? hitLocal(key, windowMs, now);
  return {
    allowed: entry.count <= rule.max,
    retryAfterSeconds: Math.max(1, Math.ceil((entry.resetAt - now) / 1000)),
  };
}

/**
 * Counts one attempt against `rule` in this process only. The backstop behind the per-IP and
 * per-e-mail limits: however a client varies its address and e-mails, one instance takes at
 * most `rule.max` attempts per window (argon2 is what an attacker would exhaust).
 */
export function hitInstance(rule: LimitRule, now = Date.now()): LimitResult {
  const entry = hitLocal(`instance:${rule.name}`, rule.windowSeconds * 1000, now);
  return { allowed: entry.count <= rule.max, retryAfterSeconds: Math.max(1, Math.ceil((entry.resetAt - now) / 1000)) };
}

/** Clears an attempt counter (a successful sign-in forgives earlier typos). */
export async function reset(rule: LimitRule, subject: string): Promise<void> {
  const key = `${process.env.CACHE_KEY_PREFIX ?? 'stakeeasy:'}rl:${rule.name}:${subject.toLowerCase()}`;
  local.delete(key);
  try {
    await redis()?.del(key);
  } catch {
    // best effort: the window expires by itself
  }
}

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

const WINDOW = () => envInt('AUTH_RATE_WINDOW_SECONDS', 15 * 60);
export const rules = {
  signInPerEmail: (): LimitRule => ({ name: 'signin-email', max: envInt('AUTH_RATE_PER_EMAIL', 5), windowSeconds: WINDOW() }),
  signInPerIp: (): LimitRule => ({ name: 'signin-ip', max: envInt('AUTH_RATE_PER_IP', 20), windowSeconds: WINDOW() }),
  registerPerEmail: (): LimitRule => ({ name: 'register-email', max: envInt('AUTH_RATE_PER_EMAIL', 5), windowSeconds: WINDOW() }),
  registerPerIp: (): LimitRule => ({ name: 'register-ip', max: envInt('AUTH_RATE_PER_IP', 20), windowSeconds: WINDOW() }),
  // All sign-in attempts one instance accepts per minute, whoever sends them.
  signInPerInstance: (): LimitRule => ({ name: 'signin-instance', max: envInt('AUTH_RATE_PER_INSTANCE', 300), windowSeconds: 60 }),
  // "Forgot password" mails: few per address (each one lands in somebody's inbox), and per IP.
  resetRequestPerEmail: (): LimitRule => ({ name: 'reset-email', max: envInt('AUTH_RESET_PER_EMAIL', 3), windowSeconds: WINDOW() }),
  resetRequestPerIp: (): LimitRule => ({ name: 'reset-ip', max: envInt('AUTH_RATE_PER_IP', 20), windowSeconds: WINDOW() }),
  // Setting the new password (hashes with argon2, like a sign-in).
  resetSubmitPerIp: (): LimitRule => ({ name: 'reset-submit-ip', max: envInt('AUTH_RATE_PER_IP', 20), windowSeconds: WINDOW() }),
};
