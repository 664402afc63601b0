import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';

export interface SeedTag {
  slug: string;
  name: string;
  description: string;
}

export interface SeedArticle {
  slug: string;
  title: string;
  summary: string;
  tags: string[];
  publishedAt: Date;
  updatedAt: Date;
  markdown: string;
}

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function articlesDir(): string {
  return fileURLToPath(new URL('./articles/', import.meta.url));
}

function tagsFile(): string {
  return fileURLToPath(new URL('./tags.json', import.meta.url));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireString(value: unknown, field: string, file: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(`Seed file ${file}: "${field}" must be a non-empty string`);
  }
  return value.trim();
}

/**
 * Parses a front matter date as UTC midnight. js-yaml turns unquoted
 * `2025-03-14` into a Date (already UTC midnight); quoted values arrive
 * as strings. Anything with a time component, or an impossible calendar
 * date, is rejected.
 */
function parseDate(value: unknown, field: string, file: string, rawFrontMatter = ''): Date {
  let year: number;
  let month: number;
  let day: number;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      throw new Error(`Seed file ${file}: "${field}" is not a valid date`);
    }
    if (
      value.getUTCHours() !== 0 ||
      value.getUTCMinutes() !== 0 ||
      value.getUTCSeconds() !== 0 ||
      value.getUTCMilliseconds() !== 0
    ) {
      throw new Error(`Seed file ${file}: "${field}" must be a date (YYYY-MM-DD) without a time`);
    }
    // js-yaml silently rolls impossible dates over (2025-02-30 -> 2025-03-02),
    // so validate the literal text as written when we can find it.
    const literal = new RegExp(`^${field}:[ \\t]*["']?([^"'\\s#]+)`, 'm').exec(rawFrontMatter)?.[1];
    if (literal !== undefined) return parseDate(literal, field, file);
    year = value.getUTCFullYear();
    month = value.getUTCMonth() + 1;
    day = value.getUTCDate();
  } else if (typeof value === 'string') {
    const m = DATE_RE.exec(value.trim());
    if (!m) {
      throw new Error(`Seed file ${file}: "${field}" must be formatted YYYY-MM-DD, got "${value}"`);
    }
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
  } else {
    throw new Error(`Seed file ${file}: "${field}" is missing or not a date`);
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    throw new Error(`Seed file ${file}: "${field}" is not a real calendar date`);
  }
  return date;
}

export function loadSeedTags(): SeedTag[] {
  const file = 'tags.json';
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(tagsFile(), 'utf8'));
  } catch (err) {
    throw new Error(`Seed file ${file}: could not read or parse JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(raw)) {
    throw new Error(`Seed file ${file}: expected an array of tags`);
  }
  const seen = new Set<string>();
  return raw.map((entry, i) => {
    const where = `${file}[${i}]`;
    if (!isRecord(entry)) throw new Error(`Seed file ${where}: expected an object`);
    const slug = requireString(entry.slug, 'slug', where);
    if (!SLUG_RE.test(slug)) throw new Error(`Seed file ${where}: invalid slug "${slug}"`);
    if (seen.has(slug)) throw new Error(`Seed file ${where}: duplicate slug "${slug}"`);
    seen.add(slug);
    return {
      slug,
      name: requireString(entry.name, 'name', where),
      description: requireString(entry.description, 'description', where),
    };
  });
}

function parseArticle(fileName: string, source: string, knownTags: Set<string>): SeedArticle {
  const slug = fileName.replace(/\.md$/, '');
  if (!SLUG_RE.test(slug)) {
    throw new Error(`Seed file ${fileName}: file name must be a lowercase hyphenated slug`);
  }
  if (!/^---\r?\n/.test(source)) {
    throw new Error(`Seed file ${fileName}: missing YAML front matter (file must start with ---)`);
  }

  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(source);
  } catch (err) {
    throw new Error(`Seed file ${fileName}: invalid front matter (${(err as Error).message})`);
  }
  const data: unknown = parsed.data;
  if (!isRecord(data) || Object.keys(data).length === 0) {
    throw new Error(`Seed file ${fileName}: front matter is empty or not a mapping`);
  }

  const title = requireString(data.title, 'title', fileName);
  const summary = requireString(data.summary, 'summary', fileName);

  const rawTags = data.tags;
  if (!Array.isArray(rawTags) || rawTags.length === 0) {
    throw new Error(`Seed file ${fileName}: "tags" must be a non-empty list`);
  }
  const tags = rawTags.map((t) => requireString(t, 'tags', fileName));
  if (new Set(tags).size !== tags.length) {
    throw new Error(`Seed file ${fileName}: "tags" contains duplicates`);
  }
  for (const tag of tags) {
    if (!knownTags.has(tag)) {
      throw new Error(`Seed file ${fileName}: unknown tag "${tag}" (not in tags.json)`);
    }
  }

  const publishedAt = parseDate(data.publishedAt, 'publishedAt', fileName, parsed.matter);
  const updatedAt =
    data.updatedAt === undefined || data.updatedAt === null
      ? publishedAt
      : parseDate(data.updatedAt, 'updatedAt', fileName, parsed.matter);
  if (updatedAt.getTime() < publishedAt.getTime()) {
    throw new Error(`Seed file ${fileName}: "updatedAt" is earlier than "publishedAt"`);
  }

  const markdown = parsed.content.trim();
  if (markdown === '') {
    throw new Error(`Seed file ${fileName}: article body is empty`);
  }

  return { slug, title, summary, tags, publishedAt, updatedAt, markdown };
}

export function loadSeedArticles(): SeedArticle[] {
  const dir = articlesDir();
  const knownTags = new Set(loadSeedTags().map((t) => t.slug));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort();

  const articles = files.map((f) => parseArticle(f, readFileSync(join(dir, f), 'utf8'), knownTags));

  const titles = new Set<string>();
  for (const a of articles) {
    const key = a.title.toLowerCase();
    if (titles.has(key)) throw new Error(`Seed file ${a.slug}.md: duplicate title "${a.title}"`);
    titles.add(key);
  }

  return articles.sort(
    (a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || a.slug.localeCompare(b.slug),
  );
}
