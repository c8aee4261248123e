import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../platform/project-root';

/**
 * Compiles dist/ (the entry points docker-compose.yml and `npm run start:topology` run) for a test that starts
 * them as processes. Incremental: a second file, or a second run without changes, costs a second or two.
 */
export function buildDist(): string {
  const root = projectRoot(__dirname);
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      'tsconfig.build.json',
      '--incremental',
      '--tsBuildInfoFile',
      'dist/.tsbuildinfo',
    ],
    { cwd: root, stdio: 'pipe' },
  );
  return root;
}
