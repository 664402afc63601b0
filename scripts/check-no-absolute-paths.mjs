#!/usr/bin/env node
// Fails when a tracked source, test, script or config file names an absolute
// filesystem path. Such a path exists only on the machine that wrote it, so a
// clone anywhere else (a user's, CI's) breaks on it. Docs may show example
// production paths; code must resolve paths relative to itself or os.tmpdir().
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const checked = ['*.ts', '*.tsx', '*.mts', '*.cts', '*.js', '*.mjs', '*.cjs', '*.json', '*.sh', '.ci/*', '*.yml', '*.yaml'];
// Roots under which machine-specific checkouts, homes and scratch space live.
// System tools (/usr/bin/chromium) and URL paths (/settings) are not flagged.
const machineRoots = /(?<![\w.:/-])(?:\/(?:home|root|Users|work|mnt|srv|media|tmp|private\/tmp)\/[\w.@+-]+|[A-Za-z]:\\(?:Users|work)\\)/;
// package-lock.json names registry URLs only; it cannot hold local paths we write.
const ignored = new Set(['package-lock.json']);

const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...checked], { cwd: top, encoding: 'utf8' })
  .split('\0')
  .filter((f) => f && !ignored.has(path.basename(f)));

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// This checkout's folder and the one above it, as absolute paths: not as the tail of a
// relative path (a clone made in the system temp folder must still accept "bench/tmp/...").
const checkout = [top, path.dirname(top)].map((dir) => new RegExp(`(?<![\\w.@+-]|[\\w.@+-]/)${escape(dir + path.sep)}`));
const problems = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(path.join(top, file), 'utf8');
  } catch {
    continue; // deleted in the work tree but still in the index
  }
  text.split('\n').forEach((line, i) => {
    if (checkout.some((re) => re.test(line)) || machineRoots.test(line)) {
      problems.push(`${file}:${i + 1}: ${line.trim().slice(0, 160)}`);
    }
  });
}

if (problems.length) {
  console.error('Absolute filesystem paths found (use paths relative to the file, or os.tmpdir()):');
  for (const p of problems) console.error('  ' + p);
  process.exit(1);
}
console.log(`no absolute paths in ${files.length} files`);
