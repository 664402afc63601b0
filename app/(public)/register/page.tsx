import type { Metadata } from 'next';
import Link from 'next/link';
import { RegisterForm } from './register-form';

export const metadata: Metadata = { title: 'Create an account', robots: { index: false } };

export default function RegisterPage() {
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
