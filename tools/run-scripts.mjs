/* global process, Buffer */
import { spawn } from 'node:child_process';
import os from 'node:os';

/**
 * `node tools/run-scripts.mjs a b c`: runs the npm scripts a, b and c side by side, as many at a time as the machine
 * has cores (at most 4; RUN_SCRIPTS_PARALLEL=<n> overrides), in the order given (longest first pays best). Each one's
 * output is printed whole when it ends, so logs never interleave; the exit code is 1 if any of them failed, after all
 * have run. `npm run check` and `npm test` use it: tsc, ESLint, Prettier, dependency-cruiser and the console's build
 * are each mostly one thread, so one after another they left a core idle.
 */
const scripts = process.argv.slice(2);
const lanes = Number(process.env.RUN_SCRIPTS_PARALLEL) || Math.min(4, os.availableParallelism());
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(script) {
  return new Promise((resolve) => {
    const started = Date.now();
    const output = [];
    const child = spawn(npm, ['run', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    let ended = false;
    const done = (ok, why = '') => {
      if (ended) return;
      ended = true;
      process.stdout.write(Buffer.concat(output));
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`${ok ? 'done' : 'FAILED'}: npm run ${script} (${seconds} s)${why}\n`);
      resolve(ok);
    };
    child.on('error', (error) => done(false, `: ${error.message}`));
    child.on('close', (code) => done(code === 0));
  });
}

const queue = [...scripts];
const results = [];
await Promise.all(
  Array.from({ length: Math.min(lanes, queue.length) }, async () => {
    while (queue.length > 0) results.push(await run(queue.shift()));
  }),
);
process.exit(results.every(Boolean) ? 0 : 1);
