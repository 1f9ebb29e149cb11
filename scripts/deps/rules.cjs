/**
 * Import rules: a folder's code runs where its name says, and only what runs there may be imported there.
 * Checked by `npm test` (`npm run deps`; run from the repository's root). Type-only imports vanish at build time and are not counted.
 */
module.exports = {
  forbidden: [
    {
      name: 'page-code-stays-small-and-safe',
      comment:
        'The content script and the assistant UI run in every SPSE page: never the background’s code (lib/worker/: the registry, sync, the 600-LPSE directory), an extension page’s (lib/ui/, its components) or zod (they would also be carried into every page).',
      severity: 'error',
      from: { path: '^(entrypoints/spse[.]content/|entrypoints/assistant[.]tsx|entrypoints/skeleton[.]ts|lib/page/)' },
      to: { path: '^(lib/worker/|lib/ui/|components/(Popup|Options|Welcome|WelcomeSetup|AccountsEditor|HostAccess|options/)|node_modules/zod/)', reachable: true },
    },
    {
      name: 'extension-pages-talk-by-message',
      comment: 'The popup, Settings and the welcome page (components/, lib/ui/) ask the background by messages (lib/protocol.ts), never by importing its code.',
      severity: 'error',
      from: { path: '^(components|lib/ui)/' },
      to: { path: '^lib/worker/' },
    },
    {
      name: 'shared-code-runs-anywhere',
      comment: 'lib/ outside its rooms (lib/*.ts, lib/sop/, lib/spse/) is what every context shares: it imports no room’s code (lib/page/ reads the page, lib/worker/ is the background’s, lib/ui/ the extension pages’).',
      severity: 'error',
      from: { path: '^lib/(?!page/|worker/|ui/)' },
      to: { path: '^lib/(page|worker|ui)/' },
    },
    {
      name: 'the-worker-room-is-the-background-s',
      comment: 'lib/worker/ runs in the service worker: no page room reaches it (above), and it does not reach into the extension pages’ room either.',
      severity: 'error',
      from: { path: '^lib/worker/' },
      to: { path: '^lib/ui/' },
    },
    {
      name: 'lib-below-the-ui',
      comment: 'lib/ is what the UI and the entrypoints build on: it never imports them.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(components|entrypoints)/' },
    },
    {
      name: 'nothing-imports-tests',
      comment: 'Only tests import tests: the product and the scripts (npm start, the benches, classify) never do; what both need lives in scripts/support/ and scripts/simulator/.',
      severity: 'error',
      from: { path: '^(lib|components|entrypoints|public|scripts)/' },
      to: { path: '^tests/' },
    },
    {
      name: 'the-product-never-imports-scripts',
      comment: 'The extension is built from lib/, components/ and entrypoints/ alone: the simulator and the tooling in scripts/ never ship.',
      severity: 'error',
      from: { path: '^(lib|components|entrypoints|public)/' },
      to: { path: '^scripts/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: false,
    // TypeScript 7 is not a transpiler dependency-cruiser reads yet: Babel's TypeScript preset parses for it, and
    // the aliases are WXT's own (`@/` is the repository's root).
    babelConfig: { fileName: 'scripts/deps/babel.json' },
    webpackConfig: { fileName: 'scripts/deps/resolve.cjs' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    exclude: { path: '^(\\.output|\\.wxt|node_modules)/' },
  },
};
