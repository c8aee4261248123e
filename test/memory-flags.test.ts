import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { HUB_MALLOC_ENV, HUB_MEMORY_FLAGS, hubMallocEnv, hubNodeOptions } from '../platform/memory-flags';
import { projectRoot } from '../platform/project-root';

/**
 * The heap limit the hub ships with (platform/memory-flags.ts) is where the hub is started, and the operator's
 * NODE_OPTIONS still win: checked in real Node processes by the heap limit V8 reports.
 */
const root = projectRoot(__dirname);
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const PRINT_LIMIT = `process.stdout.write(String(require('v8').getHeapStatistics().heap_size_limit / 2 ** 20))`;

/** The heap limit (MB) of a Node process started with this environment's NODE_OPTIONS (none when undefined). */
const heapLimitWith = (nodeOptions: string | undefined): number => {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  if (nodeOptions !== undefined) env.NODE_OPTIONS = nodeOptions;
  return Number(execFileSync(process.execPath, ['-e', PRINT_LIMIT], { env, encoding: 'utf8' }));
};
const oldSpaceOf = (flags: string) => Number(/--max-old-space-size=(\d+)/.exec(flags)![1]);
const semiSpaceOf = (flags: string) => Number(/--max-semi-space-size=(\d+)/.exec(flags)![1]);

describe('the heap limit the hub ships with', () => {
  const shipped = oldSpaceOf(HUB_MEMORY_FLAGS);
  const v8Default = heapLimitWith(undefined);

  it('caps the old space, and the operator’s NODE_OPTIONS come after it and win', () => {
    expect(hubNodeOptions(undefined)).toBe(HUB_MEMORY_FLAGS);
    expect(hubNodeOptions('  ')).toBe(HUB_MEMORY_FLAGS);
    expect(hubNodeOptions('--max-old-space-size=1024 --enable-source-maps')).toBe(
      `${HUB_MEMORY_FLAGS} --max-old-space-size=1024 --enable-source-maps`,
    );
    const capped = heapLimitWith(hubNodeOptions(undefined));
    // the limit V8 reports is the old space plus the young generation
    expect(capped).toBeGreaterThanOrEqual(shipped);
    expect(capped).toBeLessThan(shipped + 100);
    // the young generation held small: V8's limit adds three semi-spaces to the old space (48 MB by default here)
    expect(capped).toBeLessThanOrEqual(shipped + 3 * semiSpaceOf(HUB_MEMORY_FLAGS));
    expect(capped).toBeLessThan(v8Default);
    const raised = heapLimitWith(hubNodeOptions('--max-old-space-size=1024'));
    expect(raised).toBeGreaterThanOrEqual(1024);
    expect(raised).toBeLessThan(1124);
    // 0 is V8's own default, sized by the machine (beside the shipped young generation)
    expect(heapLimitWith(hubNodeOptions('--max-old-space-size=0'))).toBe(
      heapLimitWith(`--max-semi-space-size=${semiSpaceOf(HUB_MEMORY_FLAGS)}`),
    );
  });

  it('is set by `npm start`, after which the operator’s NODE_OPTIONS win', () => {
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start;
    const launch = start.split('&&').at(-1)!.trim();
    expect(launch).toMatch(/ node dist\/hub\/start-hub\.js$/);
    // the script's own shell line, with the hub replaced by a process printing its heap limit
    const limitUnder = (operator: string | undefined) => {
      const env = { ...process.env };
      delete env.NODE_OPTIONS;
      if (operator !== undefined) env.NODE_OPTIONS = operator;
      const line = launch.replace(/node dist\/hub\/start-hub\.js$/, `node -e "${PRINT_LIMIT}"`);
      return Number(execFileSync('/bin/sh', ['-c', line], { env, encoding: 'utf8' }));
    };
    expect(limitUnder(undefined)).toBe(heapLimitWith(HUB_MEMORY_FLAGS));
    expect(limitUnder('--max-old-space-size=1024')).toBe(heapLimitWith(hubNodeOptions('--max-old-space-size=1024')));
  });

  it('is in the image and in every docker-compose.yml service that runs a subgraph or the gateway', () => {
    expect(read('Dockerfile')).toContain(`ENV NODE_OPTIONS="${HUB_MEMORY_FLAGS}"\n`);
    const compose = parse(read('docker-compose.yml'), { merge: true }) as {
      services: Record<string, { command?: string[]; environment?: Record<string, string> }>;
    };
    const processes = Object.entries(compose.services).filter(([, s]) =>
      /^dist\/(subgraphs\/[a-z]+|gateway)\/main\.js$/.test(s.command?.[1] ?? ''),
    );
    expect(processes.map(([name]) => name).sort()).toEqual(
      ['areas', 'arrears', 'complaints', 'contracts', 'feeds', 'gateway', 'litigation'].sort(),
    );
    for (const [name, service] of processes)
      expect([name, service.environment?.NODE_OPTIONS]).toEqual([name, `${HUB_MEMORY_FLAGS} \${NODE_OPTIONS:-}`]);
  });
});

/**
 * What glibc's allocator keeps of 100 MB freed in 1 MiB blocks between small blocks still held, after the process
 * held and freed one 20 MB block (as the hub does for a filing document): RssAnon growth in MB, in a real process.
 */
const KEPT_AFTER_FREE = `
const anon = () => Number(/RssAnon:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
let big = Buffer.alloc(20 * 2 ** 20, 1); big = undefined; gc(); gc();
const before = anon();
const kept = [];
let freed = [];
for (let i = 0; i < 100; i++) { freed.push(Buffer.alloc(2 ** 20, 1)); kept.push(Buffer.alloc(16 * 1024, 1)); }
freed = undefined; gc(); gc();
process.stdout.write(String(Math.round(anon() - before)));`;

describe('the allocator settings the hub ships with', () => {
  const keptWith = (malloc: Record<string, string>): number => {
    const env = { ...process.env, ...malloc };
    for (const name of Object.keys(HUB_MALLOC_ENV)) if (!(name in malloc)) delete env[name];
    return Number(execFileSync(process.execPath, ['--expose-gc', '-e', KEPT_AFTER_FREE], { env, encoding: 'utf8' }));
  };

  it('give freed large blocks back to the system, where glibc’s defaults keep them after one 20 MB block', () => {
    expect(keptWith(hubMallocEnv({}))).toBeLessThan(20);
    expect(keptWith({})).toBeGreaterThan(60);
  });

  it('yield to the operator’s own values', () => {
    expect(hubMallocEnv({})).toEqual(HUB_MALLOC_ENV);
    expect(hubMallocEnv({ MALLOC_MMAP_THRESHOLD_: '1048576', OTHER: 'x' })).toEqual({
      MALLOC_MMAP_THRESHOLD_: '1048576',
    });
  });

  it('are set by `npm start`, the image, every docker-compose.yml process and `npm run start:topology`', () => {
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start;
    const launch = start.split('&&').at(-1)!.trim();
    const envUnder = (operator: Record<string, string>) => {
      const env = { ...process.env, ...operator };
      for (const name of Object.keys(HUB_MALLOC_ENV)) if (!(name in operator)) delete env[name];
      const line = launch.replace(
        /node dist\/hub\/start-hub\.js$/,
        `node -e "process.stdout.write(JSON.stringify(process.env))"`,
      );
      const child = JSON.parse(execFileSync('/bin/sh', ['-c', line], { env, encoding: 'utf8' })) as NodeJS.ProcessEnv;
      return Object.fromEntries(Object.keys(HUB_MALLOC_ENV).map((name) => [name, child[name]]));
    };
    expect(envUnder({})).toEqual(HUB_MALLOC_ENV);
    expect(envUnder({ MALLOC_MMAP_THRESHOLD_: '1048576' })).toEqual({ MALLOC_MMAP_THRESHOLD_: '1048576' });

    const dockerfile = read('Dockerfile');
    const compose = parse(read('docker-compose.yml'), { merge: true }) as {
      services: Record<string, { command?: string[]; environment?: Record<string, string> }>;
    };
    const processes = Object.values(compose.services).filter((s) =>
      /^dist\/(subgraphs\/[a-z]+|gateway)\/main\.js$/.test(s.command?.[1] ?? ''),
    );
    for (const [name, value] of Object.entries(HUB_MALLOC_ENV)) {
      expect(dockerfile).toContain(`ENV ${name}=${value}\n`);
      for (const service of processes) expect(service.environment?.[name]).toBe(`\${${name}:-${value}}`);
    }
  });
});
