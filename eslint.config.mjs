import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', '.next-*/**', 'tests/use-cache-fixture/.next/**', 'tests/use-cache-fixture/.next-*/**', 'lib/generated/**', 'packages/*/types/**', 'node_modules/**', '.data/**', 'bench/tmp/**', 'bench/results/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts']),
]);
