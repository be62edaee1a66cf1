// Module boundaries of src/, checked in CI by `npm run lint:deps` (with scripts/check-folder-cycles.mjs,
// which also refuses cycles between folders). The layers, lowest first:
//   common, config -> database, events, access -> the feature modules -> the composition root
//   (app.module.ts, entities.ts, main.ts) and cli/.
// Low layers know no feature; nothing imports the composition root or cli/.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other (directly or through others) cannot be read, tested or moved on their own.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'common-and-config-know-no-feature',
      severity: 'error',
      comment: 'common/ and config/ are the bottom layer: they import only each other (config may use common).',
      from: { path: '^src/(common|config)/' },
      to: { path: '^src/', pathNot: ['^src/(common|config)/'] },
    },
    {
      name: 'infrastructure-knows-no-feature',
      severity: 'error',
      comment: 'database/, events/ and access/ sit under the features: they may use common/ and config/ only.',
      from: { path: '^src/(database|events|access)/' },
      to: { path: '^src/', pathNot: ['^src/(common|config)/', '^src/$1/'] },
    },
    {
      name: 'nothing-imports-the-composition-root',
      severity: 'error',
      comment: 'app.module.ts, entities.ts, main.ts and the command-line entry points in cli/ assemble the features; no feature may import them.',
      from: { path: '^src/', pathNot: ['^src/[^/]+\\.ts$', '^src/cli/'] },
      to: { path: ['^src/[^/]+\\.ts$', '^src/cli/'] },
    },
    {
      name: 'no-test-code-in-src',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
