const fs = require('node:fs');
const path = require('node:path');

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
      if (process.env.JEST_CPU_PROFILE_DIR) this.profiler = await startProfiler();
      await super.setup();
    }

    async teardown() {
      await super.teardown();
      if (this.profiler) await writeProfile(this.profiler, process.env.JEST_CPU_PROFILE_DIR, this.testPath);
      const log = process.env.JEST_FILE_CPU_LOG;
      if (!log || !this.cpuAtStart) return;
      const { user, system } = process.cpuUsage(this.cpuAtStart);
      fs.appendFileSync(log, `${JSON.stringify({ file: this.testPath, cpuMs: Math.round((user + system) / 1000) })}\n`);
    }
  };
}

/** V8's sampling profiler on this worker's thread, from the file's environment setup to its teardown. */
async function startProfiler() {
  const { Session } = require('node:inspector');
  const session = new Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.start');
  return { session, post };
}

/** `JEST_CPU_PROFILE_DIR=<dir> npx jest …`: one `.cpuprofile` per test file, named after it. */
async function writeProfile({ session, post }, dir, testPath) {
  const { profile } = await post('Profiler.stop');
  session.disconnect();
  fs.mkdirSync(dir, { recursive: true });
  const name = `${path.basename(testPath).replace(/\.[jt]sx?$/, '')}.${process.pid}.${Date.now()}.cpuprofile`;
  fs.writeFileSync(path.join(dir, name), JSON.stringify(profile));
}

module.exports = withFileCpu(require('jest-environment-node').TestEnvironment);
module.exports.withFileCpu = withFileCpu;
