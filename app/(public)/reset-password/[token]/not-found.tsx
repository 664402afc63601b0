import Link from 'next/link';
import { RESET_TOKEN_MINUTES } from '@/lib/auth/reset-token';

export default function ResetLinkNotFound() {
  return (
    <section className="auth-card">
      <h1>This reset link no longer works</h1>
      <p>
        The link is invalid, has expired (links work for {RESET_TOKEN_MINUTES} minutes) or was already used. Each link sets a new password
        once.
      </p>
      <p>
        <Link href="/forgot-password" className="btn btn-primary">
          Ask for a new link
        </Link>
      </p>
      <p className="muted">
        Know your password? <Link href="/sign-in">Sign in</Link>
      </p>
    </section>
  );
}
