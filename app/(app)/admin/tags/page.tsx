import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { adminListTags } from '@/lib/articles/reads';
import { AdminNav, Notice } from '../admin-nav';
import { createTagAction } from './actions';
import { TagForm } from './tag-form';

export const metadata: Metadata = { title: 'Manage tags', robots: { index: false } };

const NOTICES = { created: 'Tag created.', saved: 'Tag saved.', deleted: 'Tag deleted.' };

export default async function AdminTagsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const [tags, { notice }] = await Promise.all([adminListTags(), searchParams]);
  return (
    <>
      <AdminNav current="tags" />
      <h1>Tags</h1>
      <Notice messages={NOTICES} notice={notice} />
      {tags.length === 0 ? (
        <div className="empty">
          <h2>No tags yet</h2>
          <p>Create a tag below, then tick it on the articles it describes.</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="muted">Tags are attached to articles on the article edit page</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Slug</th>
                <th scope="col" className="num">Published articles</th>
                <th scope="col" className="num">All articles</th>
              </tr>
            </thead>
            <tbody>
              {tags.map((t) => (
                <tr key={t.id}>
                  <th scope="row">
                    <Link href={`/admin/tags/${t.id}`}>{t.name}</Link>
                  </th>
                  <td>
                    {t.publishedCount > 0 ? <Link href={`/articles/tag/${t.slug}`}>{t.slug}</Link> : t.slug}
                  </td>
                  <td className="num">{t.publishedCount}</td>
                  <td className="num">{t.articleCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="new-tag-heading" className="card" style={{ marginTop: '1.5rem', maxWidth: '40rem' }}>
        <h2 id="new-tag-heading">New tag</h2>
        <TagForm action={createTagAction} />
      </section>
    </>
  );
}
