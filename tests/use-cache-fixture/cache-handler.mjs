export { default } from '@stakeeasy/next-redis-cache/cache-handler';
