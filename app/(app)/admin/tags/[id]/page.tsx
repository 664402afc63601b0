import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireAdmin } from '@/lib/auth/session';
import { adminGetTag } from '@/lib/articles/reads';
import { AdminNav } from '../../admin-nav';
import { ConfirmDeleteForm } from '../../confirm-delete-form';
import { deleteTagAction, updateTagAction } from '../actions';
import { TagForm } from '../tag-form';

export const metadata: Metadata = { title: 'Edit tag', robots: { index: false } };

export default async function EditTagPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const tag = await adminGetTag((await params).id);
  if (!tag) notFound();
  return (
    <>
      <AdminNav current="tags" />
      <p>
        <Link href="/admin/tags">← All tags</Link>
      </p>
      <h1>Edit tag: {tag.name}</h1>
      <p className="muted">
        Used by {tag.articleCount} {tag.articleCount === 1 ? 'article' : 'articles'} ({tag.publishedCount} published).
      </p>
      <div style={{ maxWidth: '40rem' }}>
        <TagForm action={updateTagAction} tag={tag} />
      </div>
      <section aria-labelledby="delete-heading" style={{ marginTop: '2rem' }}>
        <h2 id="delete-heading">Delete</h2>
        <p className="muted">Deleting a tag removes it from its articles; the articles stay.</p>
        <ConfirmDeleteForm action={deleteTagAction} id={tag.id} what="tag" />
      </section>
    </>
  );
}
