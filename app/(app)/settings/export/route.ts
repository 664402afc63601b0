import { currentUser } from '@/lib/auth/session';
import { loadAccountData } from '@/lib/account/export-data';
import { exportFileName, toCsvExport, toJsonExport } from '@/lib/account/export-format';
import { db } from '@/lib/db/client';

// GET /settings/export?format=json|csv: the signed-in user's data as a download. Reading
// only, so GET is right; never cached anywhere (private data).
const NO_STORE = { 'Cache-Control': 'private, no-store' };

const FORMATS = {
  json: { type: 'application/json; charset=utf-8', render: toJsonExport },
  csv: { type: 'text/csv; charset=utf-8', render: toCsvExport },
} as const;

export async function GET(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return new Response('Sign in to export your data.\n', { status: 401, headers: { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8' } });
  const format = new URL(request.url).searchParams.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') {
    return new Response('format must be json or csv\n', { status: 400, headers: { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const now = new Date();
  const data = await loadAccountData(await db(), user.id);
  const { type, render } = FORMATS[format];
  return new Response(render(data, now), {
    headers: {
      ...NO_STORE,
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="${exportFileName(format, now)}"`,
    },
  });
}
