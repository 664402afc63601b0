import pg from 'pg';

export default async function globalTeardown() {
  const name = process.env.E2E_DB_NAME;
  if (!name) return;
  const base = process.env.E2E_DATABASE_BASE ?? 'postgres://postgres@127.0.0.1:5432';
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
