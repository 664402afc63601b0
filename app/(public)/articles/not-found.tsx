import Link from 'next/link';

export default function ArticleNotFound() {
  return (
    <div className="empty">
      <h1>Not found</h1>
      <p>This article or page does not exist, or it is no longer published.</p>
      <p>
        <Link href="/articles">Browse all strategy articles</Link>
      </p>
    </div>
  );
}
