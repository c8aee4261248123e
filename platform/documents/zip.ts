import { ZipFile } from 'yazl';

/** Every entry's modification time: fixed, so the same files always give the same archive, byte for byte. */
const FIXED_MTIME = new Date('2000-01-01T00:00:00Z');

/** A ZIP archive of the entries, in the order given, each deflated, with fixed times and UTF-8 names. */
export function zipEntries(entries: readonly { name: string; bytes: Buffer }[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const entry of entries)
    zip.addBuffer(entry.bytes, entry.name, { mtime: FIXED_MTIME, mode: 0o100644, compress: true });
  zip.end();
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}
