import { NextResponse } from 'next/server';
import { currentUser } from '@/lib/auth/session';
import { getPublishedArticle, readArticleIds } from '@/lib/articles/reads';

// Per-user: never cached by Next, a CDN or a shared proxy.
export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store', Vary: 'Cookie' };

/** The caller's read mark for one article: `{ signedIn, read }`. State changes go through the server action. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const article = await getPublishedArticle((await params).slug);
  if (!article) return NextResponse.json({ error: 'not found' }, { status: 404, headers: PRIVATE });
  const user = await currentUser();
  if (!user) return NextResponse.json({ signedIn: false, read: false }, { headers: PRIVATE });
  const read = (await readArticleIds(user.id)).includes(article.id);
  return NextResponse.json({ signedIn: true, read }, { headers: PRIVATE });
}
