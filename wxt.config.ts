import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { LEGACY_HOST_PATTERNS, SPSE_HOST_PATTERN } from './lib/spse/hosts';

// Least privilege: the only required host is where every LPSE lives today. The legacy addresses
// (LPSEs still on their own hosts) are optional and asked for when the penyedia opts in, because Chrome
// warns "all websites" for `*://*/eproc4/*` whatever its path. `--mode e2e` grants them up front so the
// end-to-end tests exercise the same runtime registration path with the permission already held.
// No webextension-polyfill: WXT's `browser` is the browser's own promise-based API in Chromium and Firefox
// MV3, and the polyfill would cost 10 KB in every entry, the content script's 20 KB budget included.
export default defineConfig({
  // Manifest V3 in both browsers: one background model, one scripting API and one permission model
  // (optional_host_permissions) for Chromium and Firefox; Firefox supports MV3 since 109, AMO takes it.
  manifestVersion: 3,
  modules: ['@wxt-dev/auto-icons'],
  // Every icon size from one source image (public/icon.svg, also the welcome page's logo).
  autoIcons: { baseIconPath: 'public/icon.svg', sizes: [128, 96, 48, 32, 16], developmentIndicator: false },
  // `npm run zip`: the Chrome and Firefox packages, and (for Firefox's store) the sources a reviewer builds
  // them from with `npm ci && npm run build:firefox`; tests, benchmarks and their outputs stay out.
  zip: {
    artifactTemplate: '{{name}}-{{packageVersion}}-{{browser}}.zip',
    excludeSources: ['.cache/**', 'docs/**', 'bench-results/**', 'test-artifacts/**', 'screenshots/**', 'tests/**', 'scripts/bench/**', 'scripts/data/**'],
  },
  // Corpus examples beside the page-kind predicates are for tests only (lib/page/recognition/examples.ts).
  vite: () => ({ plugins: [preact()], define: { __SPSE_EXAMPLES__: 'false' } }),
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'id',
    permissions: ['storage', 'scripting'],
    host_permissions: mode === 'e2e' ? [SPSE_HOST_PATTERN, ...LEGACY_HOST_PATTERNS] : [SPSE_HOST_PATTERN],
    optional_host_permissions: mode === 'e2e' ? [] : [...LEGACY_HOST_PATTERNS],
    action: { default_title: 'SPSE Assist', default_icon: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png' } },
    // Firefox only: the add-on id, and the data-collection declaration AMO asks for (none: nothing leaves the
    // browser). 140 is the first Firefox (an ESR) that reads data_collection_permissions.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'spse-assist@spse-assist.id', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  hooks: {
    // WXT copies a content script's `matches` into the required host_permissions. The runtime-registered
    // legacy script must not make the legacy patterns required: keep exactly what the manifest function chose.
    'build:manifestGenerated': (wxt, manifest) => {
      const wanted = wxt.config.mode === 'e2e' ? [SPSE_HOST_PATTERN, ...LEGACY_HOST_PATTERNS] : [SPSE_HOST_PATTERN];
      manifest.host_permissions = wanted;
      if (wxt.config.mode === 'e2e') delete manifest.optional_host_permissions;
    },
  },
});
