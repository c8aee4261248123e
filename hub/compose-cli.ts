import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { generateSchemaArtifacts } from './artifacts';
import { schemasDir } from '../platform/project-root';

/** `npm run compose`: regenerates schemas/ from the code. */
async function main() {
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
