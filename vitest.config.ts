import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// One run, four projects: unit tests (WXT's fake browser, fake-indexeddb), build checks, and the end-to-end suite twice:
// real Chromium (DevTools protocol) and real Firefox (WebDriver BiDi) driving the built extension against
// the SPSE simulator. The browsers take turns (groupOrder): two at once would starve a 2-core machine.
const e2e = (name: string, browser: 'chromium' | 'firefox', groupOrder: number) => ({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    name,
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node' as const,
    env: { SPSE_E2E_BROWSER: browser },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    sequence: { groupOrder },
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        define: { __SPSE_EXAMPLES__: 'true' },
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      // Build checks (bundle size, manifests, store packages): they read .output/, so `npm test` runs them after
      // the builds; `npm run test:unit` is the fast loop without them.
      {
        test: { name: 'build', sequence: { groupOrder: 1 }, include: ['tests/build/**/*.test.ts'], environment: 'node' },
      },
      e2e('e2e', 'chromium', 2),
      e2e('e2e-firefox', 'firefox', 3),
    ],
  },
});
