import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { generateSchemaArtifacts } from './artifacts';
import { withErrorTable } from './error-table';
import { projectRoot, schemasDir } from '../platform/project-root';

/** `npm run compose`: regenerates schemas/ and the README's error table from the code. */
async function main() {
  const readme = path.join(projectRoot(), 'README.md');
  fs.writeFileSync(readme, withErrorTable(fs.readFileSync(readme, 'utf8')));
  process.stdout.write('wrote the error table of README.md\n');
  const dir = schemasDir();
  for (const [file, content] of await generateSchemaArtifacts()) {
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
    process.stdout.write(`wrote schemas/${file}\n`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
