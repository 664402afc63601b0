import { feedResponse } from '../feed-response';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return feedResponse(request, 'rss');
}
