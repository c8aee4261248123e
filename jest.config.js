/**
 * Two projects: unit tests (*.test.ts beside the code, and test/*.test.ts) need nothing running; integration tests
 * (test/*.it.test.ts) get a real Kafka broker from the global setup and make their own PostgreSQL databases.
 */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

/**
 * Each worker keeps V8's code cache of every module, and the installed packages' sources and resolutions, from one
 * test file to the next (test/support/code-cache-runtime.js); JEST_CODE_CACHE=0 runs Jest's own runtime instead, to compare.
 */
const keptAcrossFiles =
  process.env.JEST_CODE_CACHE === '0' ? {} : { runtime: '<rootDir>/test/support/code-cache-runtime.js' };

const common = {
  testEnvironment: '<rootDir>/test/support/cpu-environment.js',
  // Hive's Rust planner loads its native module with `import()`, which Jest's CommonJS runtime cannot run: that one
  // file is compiled like ours, so the `import()` becomes a `require`.
  transformIgnorePatterns: ['/node_modules/(?!@graphql-hive/router-runtime/)'],
  transform: {
    '^.+/node_modules/@graphql-hive/router-runtime/.+\\.cjs$': [
      '@swc/jest',
      { ...swc, jsc: { ...swc.jsc, parser: { syntax: 'ecmascript' } } },
    ],
    '^.+\\.ts$': ['@swc/jest', swc],
  },
  setupFiles: ['reflect-metadata', '<rootDir>/test/support/env.ts'],
  ...keptAcrossFiles,
};

/** The console's components, in jsdom with React Testing Library (TSX through the same compiler). */
const consoleProject = {
  displayName: 'console',
  ...keptAcrossFiles,
  testEnvironment: '<rootDir>/test/support/cpu-environment-jsdom.js',
  testMatch: ['<rootDir>/console/src/**/*.test.{ts,tsx}'],
  setupFiles: ['<rootDir>/console/src/test-setup.ts'],
  // ECharts and its renderer ship as ES modules only: compiled like the console's own files.
  transformIgnorePatterns: ['/node_modules/(?!(echarts|zrender)/)'],
  transform: {
    '^.+/node_modules/(echarts|zrender)/.+\\.js$': [
      '@swc/jest',
      { ...swc, jsc: { ...swc.jsc, parser: { syntax: 'ecmascript' } } },
    ],
    '^.+\\.tsx?$': [
      '@swc/jest',
      {
        ...swc,
        jsc: {
          ...swc.jsc,
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
        },
      },
    ],
  },
};

module.exports = {
  // Three files at a time on two cores: integration files mostly wait (Kafka, PostgreSQL, timers). Measured whole
  // `npx jest`, quiet machine, 2026-12-01: 391 s with three workers, 545 s with two (README › Tests).
  maxWorkers: 3,
  // A worker whose heap has passed 1 GB after a file is replaced by a fresh one: a heap of 1–1.5 GB (RSS up to
  // 2 GB) took so long to dispose of at the run's end that Jest force-exited the workers (cpu-environment.js, README
  // › Tests).
  workerIdleMemoryLimit: '1GB',
  // How long a worker gets to exit after the run's end before Jest kills it and prints "a worker process has failed
  // to exit gracefully" (Jest's default 500 ms). Workers that had drained within 2 ms of the end message still took
  // longer than that to be gone (a 0.7–1 GB process's exit on two loaded cores; 3 of 5 fresh-clone runs on
  // 2026-12-04 printed the warning), so that message named no leak; a leaked handle never drains and still gets it.
  workerGracefulExitTimeout: 2000,
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  testSequencer: '<rootDir>/test/support/slow-first-sequencer.js',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/{hub,gateway,subgraphs,catalog,platform,kernel,tools,examples}/**/*.test.ts',
        '<rootDir>/test/**/*.test.ts',
      ],
      testPathIgnorePatterns: ['\\.it\\.test\\.ts$'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.it.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    consoleProject,
  ],
};
