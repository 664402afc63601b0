import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireAdmin } from '@/lib/auth/session';
import { adminGetArticle, adminListTags } from '@/lib/articles/reads';
import { formatArticleDate } from '@/lib/articles/format';
import { AdminNav, Notice } from '../../admin-nav';
import { ConfirmDeleteForm } from '../../confirm-delete-form';
import { deleteArticleAction, setArticleStatusAction, updateArticleAction } from '../actions';
import { ArticleForm } from '../article-form';

export const metadata: Metadata = { title: 'Edit article', robots: { index: false } };

const NOTICES = {
  created: 'Draft saved. Preview it, then publish when it is ready.',
  saved: 'Saved. Readers see the new version from their next visit.',
  published: 'Published: the article is now on the public site.',
  unpublished: 'Unpublished: the article is no longer on the public site.',
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditArticlePage({ params, searchParams }: Props) {
  await requireAdmin();
  const [{ id }, { notice }] = await Promise.all([params, searchParams]);
  const [article, tags] = await Promise.all([adminGetArticle(id), adminListTags()]);
  if (!article) notFound();
  const published = article.status === 'PUBLISHED';

  return (
    <>
      <AdminNav current="articles" />
      <p>
        <Link href="/admin/articles">← All articles</Link>
      </p>
      <h1>Edit: {article.title}</h1>
      <Notice messages={NOTICES} notice={notice} />

      <section className="card" aria-labelledby="status-heading" style={{ marginBottom: '1.5rem' }}>
        <h2 id="status-heading">Status: {published ? 'Published' : 'Draft'}</h2>
        <p className="muted">
          {article.publishedAt ? `First published ${formatArticleDate(article.publishedAt.toISOString())}. ` : 'Never published. '}
          Last updated {formatArticleDate(article.updatedAt.toISOString())}.
          {published && (
            <>
              {' '}
              <Link href={`/articles/${article.slug}`}>View the public page</Link>
            </>
          )}
        </p>
        <form action={setArticleStatusAction}>
          <input type="hidden" name="id" value={article.id} />
          <input type="hidden" name="intent" value={published ? 'unpublish' : 'publish'} />
          <button type="submit" className={published ? 'btn' : 'btn btn-primary'}>
            {published ? 'Unpublish' : 'Publish'}
          </button>
        </form>
      </section>

      {/* Keyed by the saved version, so a successful save starts from the stored text. */}
      <ArticleForm
        key={article.updatedAt.toISOString()}
        action={updateArticleAction}
        tags={tags.map(({ id: tagId, name }) => ({ id: tagId, name }))}
        article={{ id: article.id, title: article.title, slug: article.slug, summary: article.summary, markdown: article.markdown, tagIds: article.tagIds }}
      />

      <section aria-labelledby="delete-heading" style={{ marginTop: '2rem' }}>
        <h2 id="delete-heading">Delete</h2>
        <ConfirmDeleteForm action={deleteArticleAction} id={article.id} what="article" />
      </section>
    </>
  );
}
