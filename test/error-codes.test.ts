import fs from 'node:fs';
import path from 'node:path';
import { GENERIC_ERRORS } from '../kernel/errors';
import { errorTableMarkdown } from '../hub/error-table';
import { ALL_SUBGRAPHS } from '../hub/subgraphs';
import { projectRoot } from '../platform/project-root';

const root = projectRoot();

/** The source files of one subgraph, tests aside. */
function sourcesOf(subgraph: string): string[] {
  return fs
    .readdirSync(path.join(root, 'subgraphs', subgraph), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'));
}

/** Codes passed to DomainError or to a subgraph's errorsOf factory (`arrearsError('…'`). */
const THROWN = /\b(?:new DomainError|[a-z]+Error)\(\s*'([A-Z][A-Z0-9_]+)'/g;

describe('error codes', () => {
  it.each(ALL_SUBGRAPHS.map((m) => [m.name, m] as const))(
    '%s throws only the codes its domain/errors.ts lists, and lists none it never throws',
    (name, module) => {
      // keyReusedFor(subgraphError, …) (platform/db/idempotency.ts) raises the subgraph's IDEMPOTENCY_KEY_REUSED.
      const sources = sourcesOf(name)
        .join('\n')
        .replace(/\bkeyReusedFor\(\s*([a-z]+Error)/g, "$&, $1('IDEMPOTENCY_KEY_REUSED'");
      const thrown = new Set([...sources.matchAll(THROWN)].map((m) => m[1]));
      const listed = new Set(Object.keys(module.errors));
      const unlisted = [...thrown].filter((code) => !listed.has(code) && !(code in GENERIC_ERRORS));
      expect(unlisted).toEqual([]);
      const neverRaised = [...listed].filter((code) => !sources.includes(`'${code}'`));
      expect(neverRaised).toEqual([]);
    },
  );

  it('are tabled in the README as generated (run `npm run compose` when this fails)', () => {
    expect(fs.readFileSync(path.join(root, 'README.md'), 'utf8')).toContain(errorTableMarkdown());
  });
});
