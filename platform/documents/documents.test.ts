import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { pdfRectanglesPerPage, pdfText, pdfTextItems } from '../../test/support/pdf-text';
import { renderDocx } from './docx';
import { PRIMARY_FONT, textRuns } from './fonts';
import { FormDocument } from './form-document';
import { renderPdf } from './pdf';
import { zipEntries, zipEntryName } from './zip';

const form: FormDocument = {
  title: '民事起诉状',
  subtitle: '（物业服务合同纠纷）',
  addressee: '北京市海淀区人民法院：',
  blocks: [
    {
      kind: 'ROWS',
      heading: '诉讼请求',
      rows: [{ label: '1. 物业费', value: '尚欠物业费1,409.50元（大写：人民币壹仟肆佰零玖元伍角整）' }],
    },
    {
      kind: 'TABLE',
      heading: '证据清单',
      columns: [
        { title: '序号', weight: 1 },
        { title: '证据名称', weight: 4 },
      ],
      rows: Array.from({ length: 80 }, (_, i) => [String(i + 1), `催缴函第${i + 1}份`]),
    },
  ],
  closing: ['具状人（签字、盖章）：北京学苑物业服务有限公司', '日期：2026年12月1日'],
  properties: {
    title: '民事起诉状',
    author: '北京学苑物业服务有限公司',
    subject: '北京市海淀区人民法院',
    createdAt: new Date('2026-12-01T00:00:00Z'),
  },
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The names and contents of a ZIP's entries, read from its local headers (enough for archives we wrote). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  for (let at = 0; zip.readUInt32LE(at) === 0x04034b50;) {
    const [method, size, nameLength, extraLength] = [
      zip.readUInt16LE(at + 8),
      zip.readUInt32LE(at + 18),
      zip.readUInt16LE(at + 26),
      zip.readUInt16LE(at + 28),
    ];
    const name = zip.toString('utf8', at + 30, at + 30 + nameLength);
    const data = zip.subarray(at + 30 + nameLength + extraLength, at + 30 + nameLength + extraLength + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : data);
    at += 30 + nameLength + extraLength + size;
  }
  return entries;
}

describe('form documents', () => {
  it('renders a PDF whose extracted text gives back the Chinese, over several pages', async () => {
    const pdf = await renderPdf(form);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain('民事起诉状');
    expect(text).toContain('尚欠物业费1,409.50元（大写：人民币壹仟肆佰零玖元伍角整）');
    expect(text).toContain('催缴函第80份');
    expect(text.split('\n').length).toBeGreaterThan(1);
  });

  it('embeds its Chinese font as a subset with a Unicode map, so no system font is assumed', async () => {
    const pdf = (await renderPdf(form)).toString('latin1');
    // Noto Serif SC from the npm package, as a TrueType CID font embedded in the file (FontFile2), its glyphs mapped
    // back to Unicode (ToUnicode), which is what lets pdftotext or pdf.js give back the Chinese.
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Regular/);
    expect(pdf).toContain('/Subtype /CIDFontType2');
    expect(pdf).toContain('/FontFile2');
    expect(pdf).toContain('/ToUnicode');
  });

  it('gives the same PDF bytes for the same form', async () => {
    expect(sha(await renderPdf(form))).toBe(sha(await renderPdf(form)));
  });

  it('sets what the Chinese font lacks in the fallback font, on its baseline, and names what no font has', async () => {
    // 𠮷 and 𪚥 (CJK Extension B) stand in personal names; Noto Serif SC has neither, and the frozen complaint showed
    // a blank where they were. ཀ (Tibetan) is in no font the hub ships.
    const names = {
      ...form,
      title: '民事起诉状𠮷',
      blocks: [
        {
          kind: 'ROWS' as const,
          heading: '当事人',
          rows: [
            { label: '被告', value: `吉𠮷祥，ཀ，𪚥${'很长'.repeat(30)}` },
            { label: '𠮷', value: '𠮷吉' },
          ],
        },
      ],
      closing: ['具状人：𠮷物业公司'],
    };
    const pdf = await renderPdf(names);
    const text = await pdfText(pdf);
    expect(text).toContain('吉𠮷祥，[U+0F40]，𪚥很长');
    expect(text).toContain('具状人：𠮷物业公司');
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+HanaMinB/);
    const items = await pdfTextItems(pdf);
    const at = (str: string) => items.filter((i) => i.str === str);
    const [inTitle, inRow, asLabel, inValue, inClosing] = at('𠮷');
    // each on the baseline of the text around it, right after it
    const [title] = at('民事起诉状');
    expect(inTitle.y).toBeCloseTo(title.y, 1);
    expect(inTitle.x).toBeCloseTo(title.x + title.width, 1);
    const [before] = at('吉');
    expect(inRow.y).toBeCloseTo(before.y, 1);
    expect(inRow.x).toBeCloseTo(before.x + before.width, 1);
    expect(asLabel.y).toBeCloseTo(inValue.y, 1);
    // a right-aligned line of three runs ends at the right margin, its runs one after another
    const [signer, company] = [at('具状人：')[0], at('物业公司')[0]];
    expect(inClosing.x).toBeCloseTo(signer.x + signer.width, 1);
    expect(company.x).toBeCloseTo(inClosing.x + inClosing.width, 1);
    expect(company.x + company.width).toBeCloseTo(595.28 - 56, 0);
    expect(sha(await renderPdf(names))).toBe(sha(pdf));
  });

  it('cuts a row taller than a page at line breaks and goes on over the next pages, each part in its borders', async () => {
    // A penalty computed month by month over ten years: before, its text ran on over the next pages outside the
    // border drawn on the first (off the page), and the next row started on a page of its own.
    const months = Array.from(
      { length: 120 },
      (_, i) =>
        `${2016 + Math.floor(i / 12)}年${(i % 12) + 1}月：欠费178.00元×万分之3×${30 + i}日=${((178 * 3 * (30 + i)) / 10000).toFixed(2)}元`,
    ).join('；');
    const long: FormDocument = {
      ...form,
      blocks: [
        {
          kind: 'ROWS',
          heading: '诉讼请求',
          rows: [
            { label: '1. 物业费', value: '尚欠物业费' },
            { label: '2. 违约金', value: months },
            { label: '3. 诉讼费', value: '由被告承担' },
          ],
        },
      ],
    };
    const pdf = await renderPdf(long);
    const pages = (await pdfText(pdf)).split('\n');
    expect(pages).toHaveLength(3);
    expect(pages.join('').replace(/\s/g, '')).toContain(months); // every character, in order
    expect(pages[2]).toContain('由被告承担'); // the next row right after the long one, on its last page
    // each page draws the two cells' borders of its part of the row (and page 1 those of the row before, page 3 of the row after)
    expect(await pdfRectanglesPerPage(pdf)).toEqual([4, 2, 4]);
    // the row is cut where a line may break, never inside a figure such as 178.00
    for (const [before, after] of [pages.slice(0, 2), pages.slice(1, 3)].map(([a, b]) => [
      a.trim().at(-1),
      b.trim()[0],
    ]))
      expect(`${before}${after}`).not.toMatch(/^[0-9.]{2}$/);
  });

  it('cuts a text into runs of one font each', () => {
    const fontFor = (codePoint: number) =>
      codePoint >= 0x20000 ? 'ExtB' : codePoint === 0x0f40 ? undefined : PRIMARY_FONT;
    expect(textRuns('吉𠮷\ufe00祥ཀ\n𠮷', fontFor)).toEqual([
      { font: PRIMARY_FONT, text: '吉' },
      { font: 'ExtB', text: '𠮷\ufe00' }, // a variation selector stays with its character
      { font: PRIMARY_FONT, text: '祥[U+0F40]\n' }, // a line break takes the font before it
      { font: 'ExtB', text: '𠮷' },
    ]);
    expect(textRuns('', fontFor)).toEqual([]);
  });

  it('renders a Word document holding the text', async () => {
    const docx = await renderDocx(form);
    expect(docx.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const xml = unzip(docx).get('word/document.xml')?.toString('utf8') ?? '';
    expect(xml).toContain('尚欠物业费1,409.50元（大写：人民币壹仟肆佰零玖元伍角整）');
    expect(xml).toContain('w:eastAsia="SimSun"');
  });

  it('writes U+FFFE and U+FFFF, which XML does not allow, as U+FFFD in a Word document', async () => {
    // Stored before the scalars refused them; written as they were, Word could not read the file.
    const docx = await renderDocx({ ...form, title: '民事起诉状\uffff', closing: ['具状人：李\ufffe四'] });
    const xml = unzip(docx).get('word/document.xml')?.toString('utf8') ?? '';
    expect(xml).not.toMatch(/[\ufffe\uffff]/);
    expect(xml).toContain('民事起诉状\ufffd');
    expect(xml).toContain('具状人：李\ufffd四');
  });

  it('zips entries deterministically, with UTF-8 names', async () => {
    const entries = [
      { name: '民事起诉状.pdf', bytes: Buffer.from('%PDF-1') },
      { name: 'manifest.json', bytes: Buffer.from('{}') },
    ];
    const [a, b] = [await zipEntries(entries), await zipEntries(entries)];
    expect(sha(a)).toBe(sha(b));
    expect([...unzip(a).keys()]).toEqual(['民事起诉状.pdf', 'manifest.json']);
    expect(unzip(a).get('manifest.json')?.toString()).toBe('{}');
  });

  it('names every file of a folder as an archive can take it, and apart from the others', async () => {
    const taken = new Set<string>();
    const names = ['..', '.', 'a.pdf', 'A.pdf', 'a.pdf', 'x:y?*"<>|.pdf', '合同.pdf', 'README'].map((n) =>
      zipEntryName(n, taken),
    );
    expect(names).toEqual(['_..', '_.', 'a.pdf', 'A (2).pdf', 'a (3).pdf', 'x_y______.pdf', '合同.pdf', 'README']);
    // `..` as an entry of a referral's evidence made yazl refuse the whole archive: every bundle of its batch failed.
    expect(() => zipEntries([{ name: 'r1/evidence/..', bytes: Buffer.from('%PDF-1') }])).toThrow(
      /invalid relative path/,
    );
    const zip = await zipEntries(names.map((name) => ({ name: `r1/evidence/${name}`, bytes: Buffer.from(name) })));
    expect([...unzip(zip).keys()]).toEqual(names.map((name) => `r1/evidence/${name}`));
  });

  it('keeps the font while documents are rendered and lets it go after a quiet spell (an idle hub holds no 14 MB)', async () => {
    jest.useFakeTimers();
    try {
      // the module afresh, so its timer is a fake one whatever the tests above rendered
      let fonts: typeof import('./fonts') | undefined;
      await jest.isolateModulesAsync(async () => void (fonts = await import('./fonts')));
      const { FONT_KEPT_IDLE_MS, chineseSerifFont } = fonts!;
      const first = chineseSerifFont();
      expect(first.subarray(0, 4).toString('hex')).toBe('00010000'); // a TrueType font
      jest.advanceTimersByTime(FONT_KEPT_IDLE_MS - 1);
      expect(chineseSerifFont()).toBe(first); // used again: kept, and its quiet spell starts over
      jest.advanceTimersByTime(FONT_KEPT_IDLE_MS - 1);
      expect(chineseSerifFont()).toBe(first);
      jest.advanceTimersByTime(FONT_KEPT_IDLE_MS);
      const again = chineseSerifFont(); // read anew after it was let go
      expect(again).not.toBe(first);
      expect(sha(again)).toBe(sha(first));
      // a stopping hub lets it go at once, with its timer
      expect(jest.getTimerCount()).toBe(1);
      fonts!.releaseChineseSerifFont();
      expect(jest.getTimerCount()).toBe(0);
      expect(chineseSerifFont()).not.toBe(again);
    } finally {
      jest.useRealTimers();
    }
  });
});
