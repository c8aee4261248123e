import { decodeCsv } from './csv-import';

const bytes = (...b: number[]) => new Uint8Array(b).buffer;

describe('a CSV file’s text', () => {
  it('is UTF-8 when the bytes are, its BOM dropped', () => {
    const utf8 = new TextEncoder().encode('\uFEFFowner_name\n张三');
    expect(decodeCsv(utf8.buffer as ArrayBuffer)).toBe('owner_name\n张三');
  });

  it('is GB 18030 when they are not, as Excel on Chinese Windows saves "CSV (逗号分隔)"', () => {
    // 张三,101 in GBK. Before, read as UTF-8: the name became U+FFFD twice and was imported so.
    expect(decodeCsv(bytes(0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x31, 0x30, 0x31))).toBe('张三,101');
  });

  it('is refused in UTF-16, with what to do (GB 18030 would read it as gibberish)', () => {
    expect(() => decodeCsv(bytes(0xff, 0xfe, 0x20, 0x5f))).toThrow('请另存为“CSV UTF-8（逗号分隔）”');
  });
});
