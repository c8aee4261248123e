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

/**
 * A file's name as a ZIP entry of its folder: characters an archive or a court's file system cannot take (`\ / : * ?
 * " < > |`, control characters) become `_`, as does a name of dots only (`..` made every bundle of its batch fail),
 * and a name already in the folder gets ` (2)`, ` (3)` … before its extension (two evidence files named a.pdf
 * overwrote each other when unpacked). Case is ignored in the comparison, as Windows' file system does.
 */
export function zipEntryName(name: string, taken: Set<string>): string {
  let safe = [...name].map((c) => (/[\\/:*?"<>|]/.test(c) || c.charCodeAt(0) < 0x20 ? '_' : c)).join('');
  if (/^\.*$/.test(safe)) safe = `_${safe}`;
  const dot = safe.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, ''];
  let unique = safe;
  for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${stem} (${n})${extension}`;
  taken.add(unique.toLowerCase());
  return unique;
}
