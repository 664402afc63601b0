'use client';

import { useSearchParams } from 'next/navigation';

// Read on the client so the home page stays static and shareable.
export function DeletedNotice() {
  const params = useSearchParams();
  if (params.get('deleted') !== '1') return null;
  return (
    <p className="form-message ok" role="status">
      Your account and all of its data were deleted.
    </p>
  );
}
