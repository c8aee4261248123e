/**
 * A V8 heap snapshot (`v8.writeHeapSnapshot`) summed by constructor, as the Summary view of Chrome's DevTools
 * shows it: objects by their constructor's name, closures by their function's name with "()", everything else by
 * its kind ("(string)",
 * "(compiled code)", "(array)"...). The file is read as a stream: a snapshot of a large heap is larger than the
 * biggest string JSON.parse takes, and only the nodes and the names they use are kept.
 */
import fs from 'node:fs';

export interface ConstructorTotal {
  name: string;
  count: number;
  selfBytes: number;
}

interface SnapshotMeta {
  node_fields: string[];
  node_types: [string[], ...unknown[]];
}

/** Kinds summed under their constructor's name; the others under their kind. */
const NAMED_KINDS = new Set(['object', 'closure', 'regexp', 'native']);

const NODES = Buffer.from('"nodes":[');
const STRINGS = Buffer.from('"strings":[');

export async function summarizeHeapSnapshot(file: string, chunkBytes = 1 << 20): Promise<ConstructorTotal[]> {
  let meta: SnapshotMeta | undefined;
  let fieldCount = 0;
  let typeAt = 0;
  let nameAt = 0;
  let sizeAt = 0;
  let kinds: string[] = [];
  // Per (kind, name) key: count and bytes. Named kinds key by the name's string index, which is resolved later.
  const totals = new Map<
    string,
    { count: number; selfBytes: number; nameIndex?: number; closure?: boolean; label?: string }
  >();
  const wantedNames = new Set<number>();
  const names = new Map<number, string>();

  let stage: 'header' | 'nodes' | 'skip' | 'strings' | 'done' = 'header';
  let header = Buffer.alloc(0);
  let carry = Buffer.alloc(0);
  // nodes: the current node's fields and the number being read
  const node: number[] = [];
  let number = -1;
  // strings: the string index, whether inside one, and its bytes so far
  let stringIndex = 0;
  let inString = false;
  let escaped = false;
  let stringParts: Buffer[] = [];
  let stringStart = 0;

  const addNode = () => {
    const kind = kinds[node[typeAt]] ?? 'unknown';
    const named = NAMED_KINDS.has(kind);
    const key = named ? `${kind === 'closure' ? 'f' : 'n'}${node[nameAt]}` : `k${kind}`;
    let total = totals.get(key);
    if (!total) {
      total = named
        ? { count: 0, selfBytes: 0, nameIndex: node[nameAt], closure: kind === 'closure' }
        : { count: 0, selfBytes: 0, label: `(${kind})` };
      if (named) wantedNames.add(node[nameAt]);
      totals.set(key, total);
    }
    total.count++;
    total.selfBytes += node[sizeAt];
    node.length = 0;
  };

  const readNodes = (chunk: Buffer, from: number): number => {
    for (let i = from; i < chunk.length; i++) {
      const c = chunk[i];
      if (c >= 48 && c <= 57) number = number < 0 ? c - 48 : number * 10 + (c - 48);
      else {
        if (number >= 0) {
          node.push(number);
          number = -1;
          if (node.length === fieldCount) addNode();
        }
        if (c === 93 /* ] */) return i + 1;
      }
    }
    return -1;
  };

  const readStrings = (chunk: Buffer): boolean => {
    stringStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92 /* \ */) escaped = true;
        else if (c === 34 /* " */) {
          inString = false;
          if (wantedNames.has(stringIndex)) {
            stringParts.push(chunk.subarray(stringStart, i + 1));
            names.set(stringIndex, JSON.parse(Buffer.concat(stringParts).toString('utf8')) as string);
          }
          stringParts = [];
          stringIndex++;
        }
      } else if (c === 34) {
        inString = true;
        stringStart = i;
      } else if (c === 93) return true;
    }
    if (inString && wantedNames.has(stringIndex)) stringParts.push(Buffer.from(chunk.subarray(stringStart)));
    return false;
  };

  for await (const piece of fs.createReadStream(file, { highWaterMark: chunkBytes })) {
    let chunk = piece as Buffer;
    if (stage === 'header') {
      header = Buffer.concat([header, chunk]);
      const at = header.indexOf(NODES);
      if (at < 0) continue;
      const text = header.subarray(0, at).toString('utf8').trimEnd().replace(/,$/, '');
      meta = (JSON.parse(`${text}}`) as { snapshot: { meta: SnapshotMeta } }).snapshot.meta;
      fieldCount = meta.node_fields.length;
      typeAt = meta.node_fields.indexOf('type');
      nameAt = meta.node_fields.indexOf('name');
      sizeAt = meta.node_fields.indexOf('self_size');
      kinds = meta.node_types[0];
      chunk = header.subarray(at + NODES.length);
      header = Buffer.alloc(0);
      stage = 'nodes';
    }
    if (stage === 'nodes') {
      const end = readNodes(chunk, 0);
      if (end < 0) continue;
      chunk = chunk.subarray(end);
      stage = 'skip';
    }
    if (stage === 'skip') {
      // the edges and the trace tables hold no names: look for the strings, across the chunk boundary too
      const joined = Buffer.concat([carry, chunk]);
      const at = joined.indexOf(STRINGS);
      if (at < 0) {
        carry = Buffer.from(joined.subarray(Math.max(0, joined.length - STRINGS.length)));
        continue;
      }
      chunk = joined.subarray(at + STRINGS.length);
      stage = 'strings';
    }
    if (stage === 'strings' && readStrings(chunk)) stage = 'done';
  }
  if (!meta || stage !== 'done') throw new Error(`${file} is not a complete heap snapshot`);
  return [...totals.values()]
    .map((t) => ({
      // a closure by its function's name and (), beside the instances of the class it may construct
      name: t.label ?? `${names.get(t.nameIndex!) ?? `(string #${t.nameIndex})`}${t.closure ? '()' : ''}`,
      count: t.count,
      selfBytes: t.selfBytes,
    }))
    .sort((a, b) => b.selfBytes - a.selfBytes);
}

export interface ConstructorGrowth extends ConstructorTotal {
  countDelta: number;
  bytesDelta: number;
}

/** `later` against `earlier`, by constructor name: the ones that grew most in bytes first. */
export function compareSummaries(earlier: ConstructorTotal[], later: ConstructorTotal[]): ConstructorGrowth[] {
  const sum = (list: ConstructorTotal[]) => {
    const byName = new Map<string, ConstructorTotal>();
    for (const t of list) {
      const known = byName.get(t.name);
      byName.set(
        t.name,
        known ? { ...known, count: known.count + t.count, selfBytes: known.selfBytes + t.selfBytes } : t,
      );
    }
    return byName;
  };
  const before = sum(earlier);
  return [...sum(later).values()]
    .map((t) => ({
      ...t,
      countDelta: t.count - (before.get(t.name)?.count ?? 0),
      bytesDelta: t.selfBytes - (before.get(t.name)?.selfBytes ?? 0),
    }))
    .sort((a, b) => b.bytesDelta - a.bytesDelta);
}
