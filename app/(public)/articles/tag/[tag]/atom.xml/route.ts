import { feedResponse } from '../../../feed-response';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ tag: string }> }): Promise<Response> {
  return feedResponse(request, 'atom', (await params).tag);
}
