import Link from 'next/link';

/** Sub-navigation of the admin area. Each page still calls requireAdmin() itself. */
export function AdminNav({ current }: { current: 'articles' | 'tags' }) {
  return (
    <nav aria-label="Admin" className="actions" style={{ marginBottom: '1rem' }}>
      <Link href="/admin/articles" aria-current={current === 'articles' ? 'page' : undefined}>
        Articles
      </Link>
      <Link href="/admin/tags" aria-current={current === 'tags' ? 'page' : undefined}>
        Tags
      </Link>
    </nav>
  );
}

/** A one-line confirmation after a redirect (`?notice=...`). */
export function Notice({ messages, notice }: { messages: Record<string, string>; notice: string | string[] | undefined }) {
  const text = typeof notice === 'string' ? messages[notice] : undefined;
  if (!text) return null;
  return (
    <p className="form-message ok" role="status">
      {text}
    </p>
  );
}
