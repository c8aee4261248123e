/* global process */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm test`: the checks (`typecheck`, `lint`, `format:check`, `depcruise`, side by side through run-scripts.mjs) run
 * beside the tests at the lowest CPU priority, so they take only the CPU the tests leave idle (Jest's files wait on
 * Kafka, PostgreSQL and timers; a run keeps the two cores about 92 % busy); one after the other before Jest, they held
 * both cores for some 40 s of a fresh clone's run. In the foreground: `console:build` (console.it serves the built
 * console), then `test:jest` with this command's own arguments (`npm test -- test/foo.it.test.ts`). Every step runs
 * to its end whatever another's result; the exit code is 1 if any failed, and the last lines say which.
 */
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const here = path.dirname(fileURLToPath(import.meta.url));

/** Runs a command with the terminal's output; resolves to its exit code (1 when it could not start or was killed). */
function run(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
const checks = run(
  process.execPath,
  [path.join(here, 'run-scripts.mjs'), 'typecheck', 'lint', 'format:check', 'depcruise'],
  {
    ...process.env,
    RUN_SCRIPTS_NICE: '19',
  },
).then((code) => {
  process.stdout.write(`${code === 0 ? 'done' : 'FAILED'}: the checks (${seconds()} s)\n`);
  return code;
});
const built = await run(npm, ['run', 'console:build']);
const tested = await run(npm, ['run', 'test:jest', '--', ...process.argv.slice(2)]);
const checked = await checks;
const failed = [
  ...(checked === 0 ? [] : ['the checks (above)']),
  ...(built === 0 ? [] : ['npm run console:build']),
  ...(tested === 0 ? [] : ['the tests']),
];
process.stdout.write(`npm test ${failed.length === 0 ? 'passed' : `FAILED: ${failed.join(', ')}`} (${seconds()} s)\n`);
process.exit(failed.length === 0 ? 0 : 1);
