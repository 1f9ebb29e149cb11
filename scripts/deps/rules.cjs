/**
 * Import rules: a folder's code runs where its name says, and only what runs there may be imported there.
 * Checked by `npm test` (`npm run deps`; run from the repository's root). Type-only imports vanish at build time and are not counted.
 */
module.exports = {
  forbidden: [
    {
      name: 'page-code-stays-small-and-safe',
      comment:
        'The content script and the assistant UI run in every SPSE page: never the background’s code, the registry, sync, the 600-LPSE directory, zod or an extension page’s UI (they would also be carried into every page).',
      severity: 'error',
      from: { path: '^(entrypoints/spse[.]content/|entrypoints/assistant[.]tsx|entrypoints/skeleton[.]ts)' },
      to: { path: '^(lib/background/|lib/registry/|lib/sync/|lib/spse/directory|components/(Popup|Options|Welcome|WelcomeSetup|AccountsEditor|HostAccess|options/)|node_modules/zod/)', reachable: true },
    },
    {
      name: 'extension-pages-talk-by-message',
      comment: 'The popup, Settings and the welcome page ask the background by messages (lib/protocol.ts), never by importing its code.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^lib/background/' },
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
