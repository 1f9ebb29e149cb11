// Module resolution for dependency-cruiser (scripts/deps/rules.cjs): WXT's `@/` alias is the repository's root.
module.exports = { resolve: { alias: { '@': require('node:path').resolve(__dirname, '../..') }, extensions: ['.ts', '.tsx', '.js', '.json'] } };
