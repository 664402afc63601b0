'use client';

import Link from 'next/link';
import { useEffect, useState, useTransition } from 'react';
import { setArticleReadAction } from './read-actions';

type State = { kind: 'loading' } | { kind: 'anonymous' } | { kind: 'reader'; read: boolean } | { kind: 'unavailable' };

/**
 * The reader's own "read" mark. The article page around it is cached and shared by everyone,
 * so this state is fetched by the browser after load (private, no-store) and never rendered
 * on the server.
 */
export function ReadMark({ slug }: { slug: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [message, setMessage] = useState('');
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/articles/${encodeURIComponent(slug)}/read`, { cache: 'no-store', credentials: 'same-origin', signal: controller.signal })
      .then((res) => (res.ok ? (res.json() as Promise<{ signedIn: boolean; read: boolean }>) : Promise.reject(new Error(String(res.status)))))
      .then((data) => setState(data.signedIn ? { kind: 'reader', read: data.read } : { kind: 'anonymous' }))
      .catch(() => {
        if (!controller.signal.aborted) setState({ kind: 'unavailable' });
      });
    return () => controller.abort();
  }, [slug]);

  const toggle = (read: boolean) =>
    startTransition(async () => {
      const result = await setArticleReadAction(slug, read);
      if (result.ok) {
        setState({ kind: 'reader', read: result.read });
        setMessage(result.read ? 'Marked as read.' : 'Marked as unread.');
      } else {
        setMessage(result.message);
      }
    });

  return (
    <section className="read-mark card" aria-label="Reading progress">
      {state.kind === 'loading' && <p className="muted">Checking your reading list…</p>}
      {state.kind === 'anonymous' && (
        <p>
          <Link href={`/sign-in?next=${encodeURIComponent(`/articles/${slug}`)}`}>Sign in to track your reading</Link> and unlock
          reading achievements.
        </p>
      )}
      {state.kind === 'unavailable' && <p className="muted">Your reading list is unavailable right now.</p>}
      {state.kind === 'reader' && (
        <p className="actions">
          <span data-testid="read-state">{state.read ? '✓ You have read this article.' : 'Not marked as read yet.'}</span>
          <button type="button" className={state.read ? 'btn btn-small' : 'btn btn-small btn-primary'} disabled={pending} onClick={() => toggle(!state.read)}>
            {state.read ? 'Mark as unread' : 'Mark as read'}
          </button>
        </p>
      )}
      <p role="status" aria-live="polite" className="muted">
        {message}
      </p>
    </section>
  );
}
