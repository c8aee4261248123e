const fs = require('node:fs');

/**
 * Jest's environment with one addition: the CPU its worker process spent on the file (module loading, the file's
 * in-process hub, its tests, its afterAll stops; not child processes such as Chromium or topology processes),
 * appended as a JSON line to `JEST_FILE_CPU_LOG`, which the summary reporter sets and reads back. On a machine whose
 * cores the suite saturates, a file's CPU says more about its cost than its wall time.
 */
function withFileCpu(Base) {
  return class FileCpuEnvironment extends Base {
    constructor(config, context) {
      super(config, context);
      this.testPath = context.testPath;
    }

    async setup() {
      this.cpuAtStart = process.cpuUsage();
      await super.setup();
    }

    async teardown() {
      await super.teardown();
      const log = process.env.JEST_FILE_CPU_LOG;
      if (!log || !this.cpuAtStart) return;
      const { user, system } = process.cpuUsage(this.cpuAtStart);
      fs.appendFileSync(log, `${JSON.stringify({ file: this.testPath, cpuMs: Math.round((user + system) / 1000) })}\n`);
    }
  };
}

module.exports = withFileCpu(require('jest-environment-node').TestEnvironment);
module.exports.withFileCpu = withFileCpu;
