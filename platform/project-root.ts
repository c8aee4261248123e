import fs from 'node:fs';
import path from 'node:path';

/** The repository root, from source (ts) or compiled (dist/) code alike: the one place that knows the layout on disk. */
export function projectRoot(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'schemas'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`project root not found above ${from}`);
  }
}

export const schemasDir = () => path.join(projectRoot(), 'schemas');
export const supergraphPath = () => path.join(schemasDir(), 'supergraph.graphql');
