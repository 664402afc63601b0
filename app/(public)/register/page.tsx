import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { RegisterForm } from './register-form';

export const metadata: Metadata = { title: 'Create an account', robots: { index: false } };

export default async function RegisterPage() {
  // Rendered per request, never prerendered. proxy.ts sends this page a CSP with a fresh nonce
  // and no 'unsafe-inline' (its form takes a password); Next can only put that nonce on the
  // scripts of a page it renders for that request. A prerendered copy carries the nonce of the
  // build and every script is blocked. The static public policy would also make it work, but
  // would let any injected inline script run next to a password field.
  await connection();
  return (
    <section className="auth-card">
      <h1>Create your account</h1>
      <p className="muted">Track every poker site and asset, in the currency you think in.</p>
      <RegisterForm />
      <p className="muted">
        Already registered? <Link href="/sign-in">Sign in</Link>
      </p>
    </section>
  );
}
