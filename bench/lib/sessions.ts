// Signed-in load without driving the sign-in form: a session row per bench user, created
// directly (id = sha256(token) hex, as lib/auth/session.ts stores it), sent as `se_session`.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { benchUserId } from '../generate-data';

const USER_AGENT = 'stakeeasy-bench';

export async function createBenchSessions(databaseUrl: string, users: number): Promise<Array<{ userId: string; cookie: string }>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DELETE FROM "Session" WHERE "userAgent" = $1`, [USER_AGENT]);
    const out: Array<{ userId: string; cookie: string }> = [];
    for (let i = 1; i <= users; i++) {
      const token = randomBytes(32).toString('base64url');
      const id = createHash('sha256').update(token).digest('hex');
      const userId = benchUserId(i);
      await client.query(`INSERT INTO "Session" (id, "userId", "expiresAt", "userAgent") VALUES ($1, $2, now() + interval '1 day', $3)`, [id, userId, USER_AGENT]);
      out.push({ userId, cookie: `se_session=${token}` });
    }
    return out;
  } finally {
    await client.end();
  }
}

export async function publishedSlugs(databaseUrl: string, count: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const res = await client.query<{ slug: string }>(`SELECT slug FROM "Article" WHERE status = 'PUBLISHED' ORDER BY "publishedAt" DESC, slug LIMIT $1`, [count]);
    return res.rows.map((r) => r.slug);
  } finally {
    await client.end();
  }
}
