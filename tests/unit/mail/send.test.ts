import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { renderResetMail } from '@/lib/mail/reset-mail';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  delete process.env.MAIL_DIR;
});

describe('sendMail without SMTP_URL (the embedded default)', () => {
  it('writes a parseable .eml into MAIL_DIR and prints the text to the server log', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stakeeasy-mail-'));
    dirs.push(dir);
    process.env.MAIL_DIR = dir;
    delete process.env.SMTP_URL;
    const log = vi.spyOn(console, 'info').mockImplementation(() => {});
    const { sendMail } = await import('@/lib/mail/send');
    const link = 'http://127.0.0.1:3000/reset-password/abc';
    const sent = await sendMail(renderResetMail('ann@example.com', link, 30));
    expect(sent.via).toBe('file');
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(path.join(dir, files[0]!)).toBe(sent.file);
    const parsed = await simpleParser(readFileSync(sent.file!));
    expect(parsed.subject).toBe('Reset your StakeEasy password');
    expect(parsed.to && 'text' in parsed.to ? parsed.to.text : '').toBe('ann@example.com');
    expect(parsed.text).toContain(link);
    expect(parsed.html).toContain(`href="${link}"`);
    expect(log.mock.calls.flat().join('\n')).toContain(link);
  });
});

describe('renderResetMail', () => {
  it('escapes the link in HTML and says how long it works', () => {
    const mail = renderResetMail('a@example.com', 'https://x.example/reset-password/a"<b>', 30);
    expect(mail.html).not.toContain('"<b>');
    expect(mail.html).toContain('&quot;&lt;b&gt;');
    expect(mail.text).toContain('30 minutes');
  });
});
