export default class RedisCacheHandler {
    /** @param {any} [ctx] Next's CacheHandlerContext */
    constructor(ctx?: any);
    core: import("./core.mjs").CacheCore;
    /**
     * @param {string} key
     * @param {any} ctx
     */
    get(key: string, ctx: any): Promise<import("./next-contract.mjs").CacheHandlerValue | null>;
    /**
     * @param {string} key
     * @param {any} data
     * @param {any} ctx
     */
    set(key: string, data: any, ctx: any): Promise<void>;
    /**
     * @param {string | string[]} tags
     * @param {{ expire?: number }} [durations]
     */
    revalidateTag(tags: string | string[], durations?: {
        expire?: number;
    }): Promise<void>;
    resetRequestCache(): void;
}
