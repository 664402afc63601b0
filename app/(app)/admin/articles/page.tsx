import { DataTable } from '@/app/ui/data-table';
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { adminListArticles } from '@/lib/articles/reads';
import { formatArticleDate } from '@/lib/articles/format';
import { AdminNav, Notice } from '../admin-nav';

export const metadata: Metadata = { title: 'Manage articles', robots: { index: false } };

const NOTICES = { deleted: 'The article was deleted and removed from the public site.' };

export default async function AdminArticlesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const [articles, { notice }] = await Promise.all([adminListArticles(), searchParams]);
  return (
    <>
      <AdminNav current="articles" />
      <h1>Articles</h1>
      <Notice messages={NOTICES} notice={notice} />
      <p className="actions">
        <Link href="/admin/articles/new" className="btn btn-primary">
          New article
        </Link>
      </p>
      {articles.length === 0 ? (
        <div className="empty">
          <h2>No articles yet</h2>
          <p>Write the first one: it stays a draft until you publish it.</p>
        </div>
      ) : (
        <DataTable
          caption="All articles, drafts included, most recently edited first"
          rows={articles}
          rowKey={(a) => a.id}
          columns={[
            { header: 'Title', rowHeader: true, cell: (a) => <Link href={`/admin/articles/${a.id}`}>{a.title}</Link> },
            { header: 'Status', cell: (a) => (a.status === 'PUBLISHED' ? 'Published' : 'Draft') },
            { header: 'Tags', cell: (a) => a.tags.map((t) => t.name).join(', ') || <span className="muted">none</span> },
            {
              header: 'Published',
              cell: (a) => (a.publishedAt ? formatArticleDate(a.publishedAt.toISOString()) : <span className="muted">never</span>),
            },
            { header: 'Updated', cell: (a) => formatArticleDate(a.updatedAt.toISOString()) },
            {
              header: 'Public page',
              cell: (a) => (a.status === 'PUBLISHED' ? <Link href={`/articles/${a.slug}`}>View</Link> : <span className="muted">not public</span>),
            },
          ]}
        />
      )}
    </>
  );
}
