import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * tools/test-run.mjs (`npm test`) in a scratch project whose scripts only record how they were run: the checks at
 * the lowest CPU priority beside the foreground steps, the arguments handed to Jest, and the exit code when any step
 * fails.
 */
describe('npm test runs the checks beside the tests, at the lowest priority', () => {
  let dir: string;
  const CHECKS = ['typecheck', 'lint', 'format:check', 'depcruise'];
  const record = (name: string) => `node record.js ${name}`;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-run-'));
    fs.mkdirSync(path.join(dir, 'tools'));
    for (const file of ['test-run.mjs', 'run-scripts.mjs'])
      fs.copyFileSync(path.join(__dirname, file), path.join(dir, 'tools', file));
    // Each script writes <name>.json: its nice value and arguments; FAIL=<name> makes that one fail.
    fs.writeFileSync(
      path.join(dir, 'record.js'),
      `const [name, ...args] = process.argv.slice(2);
       require('fs').writeFileSync(name.replace(':', '-') + '.json',
         JSON.stringify({ nice: require('os').getPriority(), args, at: process.hrtime.bigint().toString() }));
       process.exit(process.env.FAIL === name ? 3 : 0);`,
    );
    const scripts = Object.fromEntries(
      [...CHECKS, 'console:build', 'test:jest'].map((name) => [name, record(name)] as const),
    );
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'scratch', private: true, scripts }));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const testRun = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['tools/test-run.mjs', ...args], {
      cwd: dir,
      env: { ...process.env, ...env, RUN_SCRIPTS_NICE: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
  const recorded = (name: string) =>
    JSON.parse(fs.readFileSync(path.join(dir, `${name.replace(':', '-')}.json`), 'utf8')) as {
      nice: number;
      args: string[];
      at: string;
    };

  it('runs every check at nice 19, the console build then Jest at the caller’s priority with its arguments, and passes', () => {
    const result = testRun(['test/a.it.test.ts', '--ci']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/npm test passed/);
    const own = os.getPriority();
    for (const check of CHECKS) expect(recorded(check).nice).toBe(19);
    expect(recorded('console:build')).toMatchObject({ nice: own, args: [] });
    expect(recorded('test:jest')).toMatchObject({ nice: own, args: ['test/a.it.test.ts', '--ci'] });
    expect(BigInt(recorded('console:build').at) < BigInt(recorded('test:jest').at)).toBe(true);
  });

  it.each(['lint', 'test:jest'])('fails when %s fails, after running every other step', (failing) => {
    const result = testRun([], { FAIL: failing });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/npm test FAILED/);
    for (const step of [...CHECKS, 'console:build', 'test:jest']) expect(recorded(step).args).toEqual([]);
  });
});
