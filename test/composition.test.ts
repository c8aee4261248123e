import fs from 'node:fs';
import path from 'node:path';
import { generateSchemaArtifacts } from '../hub/artifacts';
import { composeSupergraph } from '../platform/federation/compose';
import { schemasDir } from '../platform/project-root';

const schemas = schemasDir();

describe('checked-in schemas', () => {
  let generated: Map<string, string>;
  beforeAll(async () => {
    generated = await generateSchemaArtifacts();
  });

  it('compose without errors and match the code (run `npm run compose` when this fails)', () => {
    for (const [file, content] of generated) {
      const target = path.join(schemas, file);
      expect({ file, exists: fs.existsSync(target) }).toEqual({ file, exists: true });
      expect({ file, content: fs.readFileSync(target, 'utf8') }).toEqual({ file, content });
    }
  });

  it('has no stale files beside the generated ones', () => {
    const onDisk = fs
      .readdirSync(schemas, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(schemas, path.join(e.parentPath, e.name)));
    expect(onDisk.sort()).toEqual([...generated.keys()].sort());
  });

  it('reports composition errors instead of producing a supergraph', () => {
    const clash = (name: string, type: string) => ({
      name,
      url: `http://${name}`,
      sdl: `type Query { health: ${type} }`,
    });
    expect(() => composeSupergraph([clash('a', 'String'), clash('b', 'Int')])).toThrow(/composition failed/);
  });
});
