import { parseCsv, parseCsvWithin } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, and numbers records by their first line', () => {
    const text = '\uFEFFbuilding,unit,owner_name\r\n1号楼,2,"张, ""三"""\n"2号\n楼",1,李四\n\n3号楼,1,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['building', 'unit', 'owner_name'] },
      { line: 2, fields: ['1号楼', '2', '张, "三"'] },
      { line: 3, fields: ['2号\n楼', '1', '李四'] },
      { line: 6, fields: ['3号楼', '1', ''] },
    ]);
  });

  it('refuses a quote opened and never closed, naming its line, instead of taking every line after into one field', () => {
    const text = 'building,room,owner_name\n1号楼,101,"张三\n1号楼,102,李四\n1号楼,103,王五\n';
    expect(() => parseCsv(text)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { line: 2 } }) as unknown as Error,
    );
    expect(() => parseCsvWithin(text, 10)).toThrow('The quoted field that starts on line 2 is never closed');
  });

  it('stops at maxRecords, holding nothing of the lines after', () => {
    const text = `a,b\n"1\n2",3\n\n4,5\n${'x\n'.repeat(100_000)}`;
    expect(parseCsv(text, 3)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1\n2', '3'] },
      { line: 5, fields: ['4', '5'] },
    ]);
    expect(parseCsv('a\nb', 2)).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['b'] },
    ]);
    expect(parseCsv(text)).toHaveLength(100_003);
    // A header and at most so many rows: over it, nothing.
    expect(parseCsvWithin('h\n1\n2\n', 2)).toEqual([
      { line: 1, fields: ['h'] },
      { line: 2, fields: ['1'] },
      { line: 3, fields: ['2'] },
    ]);
    expect(parseCsvWithin(`h\n${'x\n'.repeat(100_000)}`, 2)).toBeUndefined();
  });
});
