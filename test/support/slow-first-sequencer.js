const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

/**
 * The slowest files' seconds in a full run (README › Tests), for a run whose Jest cache holds no timings, as in a
 * fresh clone (CI). Jest then orders files by size, biggest first, and `test/demo.it.test.ts`, the slowest file but
 * the smallest (its describes live in test/demo/), started last: one worker ran it alone for a minute and a half
 * while the other had nothing left to do (the run took 396 s where its 702 s of files fit in about 355 s on two
 * workers). A rough figure is enough: it only decides which files start first.
 */
const KNOWN_SLOW_SECONDS = {
  'test/topology-failover.it.test.ts': 119,
  'test/demo.it.test.ts': 119,
  'test/console.it.test.ts': 71,
  'test/edge-fuzz.it.test.ts': 55,
  'test/contracts-filings.it.test.ts': 36,
  'test/broker-outage.it.test.ts': 31,
  'test/feeds-webhooks.it.test.ts': 25,
  'test/feeds-webhooks-instances.it.test.ts': 24,
};

/**
 * Jest's own order (failed first, then slowest by the cache's timings, then biggest), except when the cache knows no
 * file's timing: the files above then start first, slowest first, and the rest follow in Jest's order.
 */
class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    if (sorted.some((test) => test.duration != null)) return sorted;
    const known = (test) =>
      KNOWN_SLOW_SECONDS[path.relative(test.context.config.rootDir, test.path).split(path.sep).join('/')] ?? -1;
    return sorted
      .map((test, i) => ({ test, i }))
      .sort((a, b) => known(b.test) - known(a.test) || a.i - b.i)
      .map((e) => e.test);
  }
}

module.exports = SlowFirstSequencer;
