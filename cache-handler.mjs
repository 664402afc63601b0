// Temporary in-process handler (replaced by the Redis handler in lib/cache).
const store = new Map();
const tagExpired = new Map();

export default class CacheHandler {
  constructor() {}
  async get(key, ctx) {
    const entry = store.get(key);
    if (!entry) return null;
    const tags = [...(entry.tags ?? []), ...(ctx?.softTags ?? [])];
    if (tags.some((t) => (tagExpired.get(t) ?? 0) >= entry.lastModified)) return null;
    return entry;
  }
  async set(key, data, ctx) {
    const tags = ctx?.tags ?? data?.tags ?? data?.headers?.['x-next-cache-tags']?.split(',') ?? [];
    store.set(key, { value: data, lastModified: Date.now(), tags });
  }
  async revalidateTag(tags) {
    for (const t of [tags].flat()) tagExpired.set(t, Date.now());
  }
  resetRequestCache() {}
}
