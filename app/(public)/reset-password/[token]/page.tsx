import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { findResetToken } from '@/lib/auth/password-reset';
import { ResetPasswordForm } from './reset-password-form';

// The token is in the URL: no Referer carries it to another page or site.
export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false }, referrer: 'no-referrer' };

export default async function ResetPasswordPage({ params }: PageProps<'/reset-password/[token]'>) {
  await connection();
  const { token } = await params;
  // Unknown, expired and used links: 404 with an explanation (./not-found.tsx), never a form.
  const account = await findResetToken(token);
  if (!account) notFound();
  return (
    <section className="auth-card">
      <h1>Choose a new password</h1>
      <p className="muted">
        For <strong>{account.email}</strong>. Every device signed in to this account will be signed out.
      </p>
      <ResetPasswordForm token={token} />
    </section>
  );
}
