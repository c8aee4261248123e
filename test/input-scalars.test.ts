import fs from 'node:fs';
import path from 'node:path';
import { Kind, TypeNode, parse } from 'graphql';
import { schemasDir } from '../platform/project-root';

/**
 * Every value an outsider sends is bounded (issue 12 §3): no argument or input field of the supergraph may be a bare
 * String or Float; each is one of the hub's scalars (Name, Note, Key, CsvText, LocalDate, Fen …) declared once in
 * platform/graphql/scalars.ts. A new argument typed String fails here before it reaches a database.
 */
const UNBOUNDED = new Set(['String', 'Float']);
const namedType = (t: TypeNode): string => (t.kind === Kind.NAMED_TYPE ? t.name.value : namedType(t.type));

describe('inputs of the supergraph', () => {
  it('are the hub’s bounded scalars, never a bare String or Float', () => {
    const doc = parse(fs.readFileSync(path.join(schemasDir(), 'supergraph.graphql'), 'utf8'));
    const unbounded: string[] = [];
    for (const def of doc.definitions) {
      if (def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION && !def.name.value.startsWith('join__')) {
        for (const field of def.fields ?? []) {
          if (UNBOUNDED.has(namedType(field.type))) unbounded.push(`${def.name.value}.${field.name.value}`);
        }
      }
      if (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION) {
        for (const field of def.fields ?? []) {
          for (const arg of field.arguments ?? []) {
            if (UNBOUNDED.has(namedType(arg.type)))
              unbounded.push(`${def.name.value}.${field.name.value}(${arg.name.value})`);
          }
        }
      }
    }
    expect(unbounded).toEqual([]);
  });
});
