import { withoutPersonalFields } from './consumer';

describe("a refused message's copy keeps no person's name", () => {
  const fields = ['callerName', 'callerPhone'];
  const copy = (body: string) => withoutPersonalFields({ value: Buffer.from(body) }, fields);

  it('blanks the fields at the top, below it (structured mode) and in lists', () => {
    expect(copy('{"callerName":"王小明","text":"漏水"}')).toEqual({
      value: Buffer.from('{"callerName":null,"text":"漏水"}'),
      redacted: ['callerName'],
    });
    // A platform audit: an event in structured mode, or a list of orders, was kept as sent.
    const structured = copy('{"specversion":"1.0","data":{"callerName":"王小明","callerPhone":"13812345678"}}');
    expect(JSON.parse(String(structured.value))).toEqual({
      specversion: '1.0',
      data: { callerName: null, callerPhone: null },
    });
    expect(structured.redacted).toEqual(fields);
    const list = copy('[{"callerPhone":"13812345678"},{"callerPhone":null}]');
    expect(String(list.value)).not.toMatch(/1381234/);
    expect(list.redacted).toEqual(['callerPhone']);
  });

  it('leaves out a body it cannot read, and keeps one naming nobody as sent', () => {
    for (const body of ['\ufeff{"callerName":"王小明"}', '{"callerName":"王小明"', 'not json'])
      expect(copy(body)).toEqual({ value: null, redacted: [], unreadable: true });
    const nobody = Buffer.from('{"text":"漏水"}');
    expect(withoutPersonalFields({ value: nobody }, fields)).toEqual({ value: nobody, redacted: [] });
    expect(withoutPersonalFields({ value: Buffer.from('x') }, [])).toEqual({ value: Buffer.from('x'), redacted: [] });
  });
});
