import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
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
