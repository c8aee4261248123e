import path from 'node:path';
import { defineConfig } from 'vite';

/**
 * The console is built into dist/console and served by the gateway under /console (gateway/console.ts). JSX is
 * compiled by Vite's own transform (React's automatic runtime); no dev server is needed: `npm start` serves the build.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.resolve(import.meta.dirname, '../dist/console'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      // Ant Design marks its modules "use client" for React Server Components; a client bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  logLevel: 'warn',
});
