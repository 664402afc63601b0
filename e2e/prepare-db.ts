// Creates the run's database, migrates and seeds it (called by the web server command).
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { applyMigrations } from '../lib/db/schema-engine';
import { PrismaClient } from '../lib/generated/prisma/client';
import { seed } from '../prisma/seed/index';

const url = new URL(process.env.DATABASE_URL as string);
const name = url.pathname.slice(1);
const adminUrl = new URL(url);
adminUrl.pathname = '/postgres';
const admin = new pg.Client({ connectionString: adminUrl.toString() });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await admin.query(`CREATE DATABASE "${name}"`);
await admin.end();
await applyMigrations(new PrismaPg({ connectionString: url.toString() }));
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) });
await seed(prisma);
await prisma.$disconnect();
console.log(`e2e database ${name} ready`);
