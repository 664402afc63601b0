export { CacheCore } from "./core.mjs";
