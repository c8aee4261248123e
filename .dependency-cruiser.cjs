/** Layer rules of docs/architecture.md, checked on every test run. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ holds pure rules: no ORM, GraphQL or Kafka code, and no persistence/graphql/events layers.',
      severity: 'error',
      from: { path: '^subgraphs/[^/]+/domain/' },
      to: {
        path: [
          '@mikro-orm', 'node_modules/graphql', 'type-graphql', '@apollo', 'kafkajs', 'express',
          '^subgraphs/[^/]+/(graphql|persistence|events|application)/', '^infra/(db|events|federation|kafka|subgraph)',
        ],
      },
    },
    {
      name: 'no-cross-subgraph-imports',
      comment: 'Subgraphs talk through events and federation, never through each other\'s code.',
      severity: 'error',
      from: { path: '^subgraphs/([^/]+)/' },
      to: { path: '^subgraphs/', pathNot: '^subgraphs/$1/' },
    },
    {
      name: 'infra-does-not-know-subgraphs',
      comment: 'Shared plumbing stays generic; only the development composition root wires the subgraphs together.',
      severity: 'error',
      from: { path: '^(infra|gateway)/', pathNot: '^infra/dev/' },
      to: { path: '^subgraphs/' },
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
    exclude: { path: '(\\.test\\.ts$|^dist/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
