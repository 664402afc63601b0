import 'server-only';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface SentMail {
  /** 'smtp' (handed to SMTP_URL) or 'file' (the embedded default: server log + MAIL_DIR). */
  via: 'smtp' | 'file';
  messageId: string;
  /** The .eml file written, for 'file'. */
  file?: string;
}

const from = () => process.env.MAIL_FROM || 'StakeEasy <no-reply@stakeeasy.invalid>';

// One SMTP transport (and its connection pool) per process, per URL.
const holder = globalThis as unknown as { __stakeeasySmtp?: { url: string; transport: Transporter } };

function smtp(url: string): Transporter {
  if (holder.__stakeeasySmtp?.url !== url) {
    holder.__stakeeasySmtp = { url, transport: nodemailer.createTransport(url) };
  }
  return holder.__stakeeasySmtp.transport;
}

/** Where the embedded default keeps each mail, relative to the server's working directory. */
export const mailDir = () => path.resolve(process.env.MAIL_DIR || '.mail');

/**
 * Sends through SMTP_URL (smtp:// or smtps://, credentials in the URL). Without it, the mail is
 * rendered to a standard .eml file in MAIL_DIR and its text printed to the server log, so that a
 * demo with no mail server can still follow a reset link.
 */
export async function sendMail(mail: Mail): Promise<SentMail> {
  const message = { from: from(), to: mail.to, subject: mail.subject, text: mail.text, html: mail.html };
  const url = process.env.SMTP_URL;
  if (url) {
    const info = await smtp(url).sendMail(message);
    return { via: 'smtp', messageId: info.messageId };
  }
  // nodemailer's stream transport builds the exact RFC 5322 message SMTP would carry.
  const info = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }).sendMail(message);
  const dir = mailDir();
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`);
  await writeFile(file, info.message as Buffer, { mode: 0o600 });
  console.info(`[mail] SMTP_URL unset: wrote ${file}\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}`);
  return { via: 'file', messageId: info.messageId, file };
}
