import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { adminListTags } from '@/lib/articles/reads';
import { AdminNav } from '../../admin-nav';
import { createArticleAction } from '../actions';
import { ArticleForm } from '../article-form';

export const metadata: Metadata = { title: 'New article', robots: { index: false } };

export default async function NewArticlePage() {
  await requireAdmin();
  const tags = await adminListTags();
  return (
    <>
      <AdminNav current="articles" />
      <p>
        <Link href="/admin/articles">← All articles</Link>
      </p>
      <h1>New article</h1>
      <ArticleForm action={createArticleAction} tags={tags.map(({ id, name }) => ({ id, name }))} />
    </>
  );
}
