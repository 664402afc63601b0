export { default } from '@stakeeasy/next-redis-cache/use-cache';
