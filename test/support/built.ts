import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { transformFile } from '@swc/core';
import { projectRoot } from '../../platform/project-root';

/**
 * Compiles dist/ (the entry points docker-compose.yml and `npm run start:topology` run) for a test that starts
 * them as processes. The same tsc and tsconfig.build.json as `npm run build`, with `--noCheck`: it emits the same
 * JavaScript without type-checking again what `npm run check` checks. Incremental: a second
 * file, or a second run without changes, costs a second or two. Asynchronous, so a broker or a database can start
 * meanwhile.
 */
export async function buildDist(): Promise<string> {
  const root = projectRoot(__dirname);
  await promisify(execFile)(
    process.execPath,
    [
      path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      'tsconfig.build.json',
      '--noCheck',
      '--incremental',
      '--tsBuildInfoFile',
      'dist/.tsbuildinfo',
    ],
    { cwd: root },
  );
  return root;
}

/** The folders tsconfig.build.json compiles. */
const BUILT_DIRS = ['hub', 'gateway', 'subgraphs', 'catalog', 'platform', 'kernel', 'tools', 'examples', 'bench'];

/**
 * The same dist/ layout as `buildDist`, transpiled file by file with swc under the options jest.config.js gives
 * every test (legacy decorators with their metadata, ES2022, CommonJS): the code every other test file runs.
 * About 3 s for the whole project where tsc --noCheck takes 25 s on a loaded machine (tsc parses and binds the
 * whole program and its libraries; swc only strips types). Written to .local/topology-dist/dist/ (returned: the
 * directory to run `node dist/...` in), never over the dist/ of `npm run build`; the project root is still found
 * above it (platform/project-root.ts), and node_modules too. Files older than their output are skipped.
 */
export async function transpileDist(): Promise<string> {
  const root = projectRoot(__dirname);
  const out = path.join(root, '.local', 'topology-dist');
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts')) sources.push(file);
    }
  };
  for (const dir of BUILT_DIRS) walk(path.join(root, dir));
  await Promise.all(
    sources.map(async (source) => {
      const target = path.join(out, 'dist', path.relative(root, source)).replace(/\.ts$/, '.js');
      const built = fs.statSync(target, { throwIfNoEntry: false });
      if (built && built.mtimeMs >= fs.statSync(source).mtimeMs) return;
      const { code } = await transformFile(source, {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        swcrc: false,
      });
      fs.mkdirSync(path.dirname(target), { recursive: true });
      // whole or not at all: a parallel run never starts a half-written file
      const partial = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(partial, code);
      fs.renameSync(partial, target);
    }),
  );
  return out;
}
