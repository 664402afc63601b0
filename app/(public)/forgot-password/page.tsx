import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ForgotPasswordForm } from './forgot-password-form';

export const metadata: Metadata = { title: 'Forgot password', robots: { index: false } };

export default async function ForgotPasswordPage({ searchParams }: PageProps<'/forgot-password'>) {
  // Per request: proxy.ts gives this page a fresh CSP nonce, which a prerendered copy would not carry.
  await connection();
  const email = (await searchParams).email;
  return (
    <section className="auth-card">
      <h1>Forgot your password?</h1>
      <p className="muted">Enter the e-mail address of your account. We will send you a link to choose a new password.</p>
      <ForgotPasswordForm email={typeof email === 'string' ? email : undefined} />
      <p className="muted">
        Remembered it? <Link href="/sign-in">Sign in</Link>
      </p>
    </section>
  );
}
