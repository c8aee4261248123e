import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compareSummaries, summarizeHeapSnapshot } from '../bench/heap-summary';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heap-summary-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A snapshot in V8's layout: seven fields a node, the kinds in meta, names as string indexes. */
function writeSnapshot(file: string) {
  const kinds = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native', 'synthetic'];
  const snapshot = {
    snapshot: {
      meta: {
        node_fields: ['type', 'name', 'id', 'self_size', 'edge_count', 'trace_node_id', 'detachedness'],
        node_types: [kinds, 'string', 'number', 'number', 'number', 'number', 'number'],
        edge_fields: ['type', 'name_or_index', 'to_node'],
        edge_types: [['context', 'element', 'property'], 'string_or_number', 'node'],
      },
      node_count: 6,
      edge_count: 2,
    },
    // Span ×2 (32 + 48 bytes), a closure named 称"呼\ (16), two strings (100 + 12) whose names do not count, a Map (64)
    nodes: [
      3, 1, 1, 32, 1, 0, 0, 3, 1, 3, 48, 0, 0, 0, 5, 2, 5, 16, 1, 0, 0, 2, 3, 7, 100, 0, 0, 0, 2, 4, 9, 12, 0, 0, 0, 3,
      5, 11, 64, 0, 0, 0,
    ],
    edges: [2, 0, 7, 1, 1, 14],
    trace_function_infos: [],
    trace_tree: [],
    samples: [],
    locations: [],
    strings: ['', 'Span', '称"呼\\', 'a string with "quotes" and ]', 'another', 'Map'],
  };
  // V8 writes one node per line; the parser must not depend on it, nor on where the chunks break.
  fs.writeFileSync(file, JSON.stringify(snapshot).replace(/,"nodes":\[/, ',\n"nodes":['));
}

describe('summarizeHeapSnapshot', () => {
  it('sums objects by constructor and other nodes by kind, wherever the file is cut into chunks', async () => {
    const file = path.join(dir, 'made.heapsnapshot');
    writeSnapshot(file);
    const expected = [
      { name: '(string)', count: 2, selfBytes: 112 },
      { name: 'Span', count: 2, selfBytes: 80 },
      { name: 'Map', count: 1, selfBytes: 64 },
      { name: '称"呼\\()', count: 1, selfBytes: 16 },
    ];
    expect(await summarizeHeapSnapshot(file)).toEqual(expected);
    for (let chunk = 1; chunk <= 40; chunk++) expect(await summarizeHeapSnapshot(file, chunk)).toEqual(expected);
  });

  it('reads a real V8 snapshot: the instances a process holds are counted by their class', async () => {
    const file = path.join(dir, 'real.heapsnapshot');
    const script = `class SoakProbe { constructor(i) { this.i = i } }
      globalThis.kept = Array.from({ length: 5000 }, (_, i) => new SoakProbe(i));
      require('node:v8').writeHeapSnapshot(${JSON.stringify(file)});`;
    execFileSync(process.execPath, ['-e', script]);
    const summary = await summarizeHeapSnapshot(file, 64 * 1024);
    expect(summary.find((t) => t.name === 'SoakProbe')?.count).toBe(5000);
    expect(summary.find((t) => t.name === 'SoakProbe()')?.count).toBe(1);
    expect(summary.find((t) => t.name === '(string)')!.count).toBeGreaterThan(1000);
  });

  it('compares two summaries by constructor, the largest growth first', () => {
    const growth = compareSummaries(
      [
        { name: 'Span', count: 10, selfBytes: 1000 },
        { name: 'Map', count: 5, selfBytes: 500 },
      ],
      [
        { name: 'Map', count: 4, selfBytes: 400 },
        { name: 'Span', count: 110, selfBytes: 11_000 },
        { name: 'DataLoader', count: 3, selfBytes: 300 },
      ],
    );
    expect(growth).toEqual([
      { name: 'Span', count: 110, selfBytes: 11_000, countDelta: 100, bytesDelta: 10_000 },
      { name: 'DataLoader', count: 3, selfBytes: 300, countDelta: 3, bytesDelta: 300 },
      { name: 'Map', count: 4, selfBytes: 400, countDelta: -1, bytesDelta: -100 },
    ]);
  });
});
