import { inflateRawSync } from 'node:zlib';

/**
 * The `word/document.xml` of a .docx, read from its ZIP local file headers (the docx package writes each entry's
 * sizes there), for tests that check what a generated document says.
 */
export function docxDocumentXml(docx: Buffer): string {
  for (let at = 0; at + 30 <= docx.length && docx.readUInt32LE(at) === 0x04034b50;) {
    const method = docx.readUInt16LE(at + 8);
    const size = docx.readUInt32LE(at + 18);
    const nameLength = docx.readUInt16LE(at + 26);
    const extraLength = docx.readUInt16LE(at + 28);
    const name = docx.toString('utf8', at + 30, at + 30 + nameLength);
    const start = at + 30 + nameLength + extraLength;
    const data = docx.subarray(start, start + size);
    if (name === 'word/document.xml') return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at = start + size;
  }
  throw new Error('no word/document.xml in the .docx');
}
