import type { Metadata } from 'next';
import Link from 'next/link';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

export default async function SignInPage({ searchParams }: PageProps<'/sign-in'>) {
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return (
    <section className="auth-card">
      <h1>Sign in</h1>
      {one(params.reset) && (
        <p className="form-message ok" role="status">
          Your password is changed and every device was signed out. Sign in with your new password.
        </p>
      )}
      {one(params.registered) && (
        <p className="form-message ok" role="status">
          Your account is ready. Sign in with your e-mail and password.
        </p>
      )}
      <SignInForm next={one(params.next)} email={one(params.email)} />
      <p className="muted">
        <Link href="/forgot-password">Forgot password?</Link>
      </p>
      <p className="muted">
        New here? <Link href="/register">Create an account</Link>
      </p>
    </section>
  );
}
