import { DataTable } from '@/app/ui/data-table';
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
        <DataTable
          caption="Tags are attached to articles on the article edit page"
          rows={tags}
          rowKey={(t) => t.id}
          columns={[
            { header: 'Name', rowHeader: true, cell: (t) => <Link href={`/admin/tags/${t.id}`}>{t.name}</Link> },
            { header: 'Slug', cell: (t) => (t.publishedCount > 0 ? <Link href={`/articles/tag/${t.slug}`}>{t.slug}</Link> : t.slug) },
            { header: 'Published articles', num: true, cell: (t) => t.publishedCount },
            { header: 'All articles', num: true, cell: (t) => t.articleCount },
          ]}
        />
      )}
      <section aria-labelledby="new-tag-heading" className="card" style={{ marginTop: '1.5rem', maxWidth: '40rem' }}>
        <h2 id="new-tag-heading">New tag</h2>
        <TagForm action={createTagAction} />
      </section>
    </>
  );
}
