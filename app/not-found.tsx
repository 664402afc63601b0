import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main" className="container">
      <h1>Page not found</h1>
      <p className="lead">There is nothing here, or it is not yours to see.</p>
      <p className="actions">
        <Link className="btn btn-primary" href="/">
          Home
        </Link>
        <Link className="btn" href="/articles">
          Strategy articles
        </Link>
      </p>
    </main>
  );
}
