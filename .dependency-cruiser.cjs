/**
 * Layer rules of docs/architecture.md, checked on every test run. Imports only point down:
 *
 *   hub/ (composition root) → gateway/, subgraphs/<name>/ → catalog/, platform/ → kernel/
 *   console/ (the browser client) → kernel/
 *
 * tools/ and examples/ stand beside them; test/ and bench/ may use anything, including the composition root.
 * There are no exceptions: a rule that needs one is a layout that needs mending.
 */
const PROJECT_LAYERS = '^(hub|gateway|subgraphs|catalog|platform|kernel|tools|examples|test|bench|console)/';

module.exports = {
  forbidden: [
    {
      name: 'nothing-imports-the-composition-root',
      comment: 'hub/ wires the subgraphs, the gateway and the demo data together; only tests and benchmarks start it.',
      severity: 'error',
      from: { pathNot: '^(hub|test|bench)/' },
      to: { path: '^hub/' },
    },
    {
      name: 'kernel-imports-nothing-of-the-project',
      comment:
        'kernel/ holds calendar, money, percent, canonical JSON, errors, clock and identity: pure and self-contained.',
      severity: 'error',
      from: { path: '^kernel/', pathNot: '\\.test\\.ts$' },
      to: { path: PROJECT_LAYERS, pathNot: '^kernel/' },
    },
    {
      name: 'catalog-is-declarations-only',
      comment:
        'catalog/ is the published language (topics, events, shared enumerations): it builds on the kernel only.',
      severity: 'error',
      from: { path: '^catalog/' },
      to: { path: PROJECT_LAYERS, pathNot: '^(catalog|kernel)/' },
    },
    {
      name: 'domain-is-pure',
      comment:
        'domain/ holds pure rules: no ORM, GraphQL or Kafka code, no platform, and no other layer of its subgraph.',
      severity: 'error',
      from: { path: '^subgraphs/[^/]+/domain/' },
      to: {
        path: [
          '@mikro-orm',
          'node_modules/graphql',
          'type-graphql',
          '@apollo',
          'kafkajs',
          'express',
          'node_modules/pg/',
          '^subgraphs/[^/]+/(graphql|persistence|events|application|cli)/',
          '^(platform|gateway|tools|examples)/',
        ],
      },
    },
    {
      name: 'publish-is-pure',
      comment: 'events/publish/ turns an aggregate into catalog event data: no I/O, no ORM runtime, no Kafka.',
      severity: 'error',
      from: { path: '^subgraphs/[^/]+/events/publish/', pathNot: '\\.test\\.ts$' },
      to: {
        path: ['kafkajs', 'node_modules/pg/', '^platform/', '^subgraphs/[^/]+/(application|graphql|events/consume)/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'consume-calls-one-use-case',
      comment:
        'events/consume/ decodes a message and hands it to the application: no repositories, no domain rules of its own.',
      severity: 'error',
      from: { path: '^subgraphs/[^/]+/events/consume/' },
      to: { path: '^subgraphs/[^/]+/(persistence|domain|graphql|events/publish)/' },
    },
    {
      name: 'resolvers-go-through-the-application',
      comment:
        'graphql/ maps types and calls use cases or loaders (whose batch fetch is a repository function); resolvers never reach repositories or SQL themselves.',
      severity: 'error',
      from: { path: '^subgraphs/[^/]+/graphql/', pathNot: '\\.loaders?\\.ts$' },
      to: { path: ['^subgraphs/[^/]+/persistence/', '^platform/db/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-cross-subgraph-imports',
      comment: "Subgraphs talk through events (catalog/) and federation, never through each other's code.",
      severity: 'error',
      from: { path: '^subgraphs/([^/]+)/' },
      to: { path: '^subgraphs/', pathNot: '^subgraphs/$1/' },
    },
    {
      name: 'platform-is-generic',
      comment: 'Shared plumbing, the edge, tools and examples know no subgraph: only the composition root wires them.',
      severity: 'error',
      from: { path: '^(platform|gateway|tools|examples)/' },
      to: { path: '^subgraphs/' },
    },
    {
      name: 'only-the-composition-root-starts-the-gateway',
      comment: 'The gateway is the edge; nothing below it may depend on it.',
      severity: 'error',
      from: { path: '^(subgraphs|catalog|platform|kernel|tools|examples)/' },
      to: { path: '^gateway/' },
    },
    {
      name: 'platform-below-the-tools',
      comment: 'Launchers and CLIs use the platform, never the other way round.',
      severity: 'error',
      from: { path: '^(platform|kernel|catalog|subgraphs|gateway)/' },
      to: { path: '^(tools|examples)/' },
    },
    {
      name: 'the-console-is-a-client',
      comment:
        'console/ runs in the browser and speaks to the hub only through its GraphQL API; of the project it may use only kernel/ (the Chinese formats of dates and money).',
      severity: 'error',
      from: { path: '^console/' },
      to: { path: PROJECT_LAYERS, pathNot: '^(console|kernel)/' },
    },
    {
      name: 'nothing-imports-the-console',
      comment: 'The console is built by Vite and served as files; no server code imports it.',
      severity: 'error',
      from: { pathNot: '^console/' },
      to: { path: '^console/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
