const fs = require('node:fs');
const path = require('node:path');
const { trackRegistrations } = require('./process-registrations');

const registrations = trackRegistrations(require('node:perf_hooks'));

/**
 * Jest's environment with two additions: the CPU its worker process spent on the file (module loading, the file's
 * in-process hub, its tests, its afterAll stops; not child processes such as Chromium or topology processes),
 * appended as a JSON line to `JEST_FILE_CPU_LOG`, which the summary reporter sets and reads back (on a machine whose
 * cores the suite saturates, a file's CPU says more about its cost than its wall time); and the performance observers
 * and event-loop-delay histograms the file's modules registered in the worker's `perf_hooks`, let go at its end.
 */
function withFileCpu(Base) {
  return class FileCpuEnvironment extends Base {
    constructor(config, context) {
      super(config, context);
      this.testPath = context.testPath;
    }

    async setup() {
      lastFile = this.testPath;
      this.cpuAtStart = process.cpuUsage();
      if (process.env.JEST_CPU_PROFILE_DIR) this.profiler = await startProfiler();
      await super.setup();
      registrations.begin();
    }

    async teardown() {
      await super.teardown();
      registrations.release();
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

/** The file this worker ran last: the one whose leftovers a force exit at the run's end points to. */
let lastFile;

/** A handle as a line: its kind, and for a socket its peer, for a timer what it will call. */
function describeHandle(handle) {
  const kind = handle?.constructor?.name ?? typeof handle;
  if (kind === 'Socket' || kind === 'TLSSocket')
    return `${kind} ${handle.remoteAddress ?? handle._pendingData ?? ''}:${handle.remotePort ?? ''} local ${handle.localPort ?? ''} destroyed=${handle.destroyed}`;
  if (kind === 'Timeout') return `Timeout ${handle._idleTimeout} ms ${String(handle._onTimeout).slice(0, 300)}`;
  return kind;
}

/** When this worker got Jest's end message, and what logs its exit (JEST_EXIT_HANDLES_LOG, below). */
let endAt;
let logExit;

/**
 * A Jest worker whose event loop drains after Jest's end message exits at once (`process.exit` in its last 'exit'
 * listener) instead of letting Node dispose of its environment and heap first. A worker's heap grows to 0.5–1.5 GB
 * over a run (RSS 0.9–2 GB), and three such workers ending together on two cores took 770–940 ms from 'exit' to
 * gone, past the 500 ms after which Jest force-exited a worker by default and printed "a worker process has failed to
 * exit gracefully"; with `process.exit` 230–415 ms. Neither this nor the 1 GB heap limit in jest.config.js removed
 * the warning from a whole run alone; both together did, on a quiet day (README › Tests; on a loaded one it came back,
 * so jest.config.js now allows 2 s: `workerGracefulExitTimeout`). The listener is added only on the end message, so
 * it runs after every other 'exit' listener, and our message listener goes with it, holding the IPC channel no
 * longer than Jest's own. A worker that never drains (a leaked handle) still gets the warning.
 */
if (typeof process.send === 'function') {
  const onMessage = (message) => {
    if (!Array.isArray(message) || message[0] !== 2) return; // jest-worker's CHILD_MESSAGE_END
    endAt = Date.now();
    process.removeListener('message', onMessage);
    process.once('exit', (code) => {
      logExit?.(code);
      process.exit(code);
    });
  };
  process.on('message', onMessage);
}

/**
 * `JEST_EXIT_HANDLES_LOG=<file>`: when Jest force-exits a worker that did not end within `workerGracefulExitTimeout`
 * of the run's end ("a worker process has failed to exit gracefully"), it sends SIGTERM; this worker then appends what
 * still kept it alive (its last file, Node's active resources and handles) to the file before exiting. Unset, SIGTERM
 * is left alone.
 */
if (process.env.JEST_EXIT_HANDLES_LOG) {
  // Where each live resource that can keep the process alive was made (timers are not among Node's handles, so only
  // this names them). Only those kinds: resources that are never destroyed (requests' wrappers, left to the garbage
  // collector) made the map so large that writing it outlasted Jest's 500 ms before SIGKILL, and nothing was logged.
  const KEEPS_ALIVE = new Set([
    'Timeout',
    'TCPWRAP',
    'TCPSERVERWRAP',
    'TCPCONNECTWRAP',
    'PIPEWRAP',
    'PIPESERVERWRAP',
    'PIPECONNECTWRAP',
    'UDPWRAP',
    'PROCESSWRAP',
    'TTYWRAP',
    'FSEVENTWRAP',
    'STATWATCHER',
    'GETADDRINFOREQWRAP',
    'FSREQCALLBACK',
    'WORKER',
    'MESSAGEPORT',
  ]);
  const made = new Map();
  require('node:async_hooks')
    .createHook({
      init(id, type) {
        if (!KEEPS_ALIVE.has(type)) return;
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 40;
        const frames = new Error().stack.split('\n').slice(1);
        Error.stackTraceLimit = limit;
        made.set(id, {
          type,
          stack: frames
            .filter((f) => !f.includes('(node:internal'))
            .slice(0, 12)
            .join('\n'),
        });
      },
      destroy(id) {
        made.delete(id);
      },
    })
    .enable();
  const log = (line) => fs.appendFileSync(process.env.JEST_EXIT_HANDLES_LOG, `${JSON.stringify(line)}\n`);
  // Every worker also logs when its event loop drained after Jest's end message ('exit', below): a force-exited
  // worker with such a line was only slow after it; one without never drained (a handle kept it, or its loop was
  // blocked so that not even this SIGTERM handler ran).
  logExit = (code) => {
    const { rss, heapUsed } = process.memoryUsage();
    log({
      pid: process.pid,
      lastFile,
      endAt,
      exitAt: Date.now(),
      code,
      rssMB: Math.round(rss / 2 ** 20),
      heapUsedMB: Math.round(heapUsed / 2 ** 20),
    });
  };
  process.once('SIGTERM', () => {
    // The cheap part first, so that a SIGKILL 500 ms later still leaves the file and the resources' kinds.
    log({ pid: process.pid, sigtermAt: Date.now(), lastFile, endAt, resources: process.getActiveResourcesInfo() });
    log({ pid: process.pid, handles: process._getActiveHandles().map(describeHandle), madeAt: [...made.values()] });
    process.exit(143);
  });
}

module.exports = withFileCpu(require('jest-environment-node').TestEnvironment);
module.exports.withFileCpu = withFileCpu;
