import { InvalidInputError } from '../../kernel/errors';

/**
 * The hook every uploaded file passes before it is stored (litigation's evidence, a filing's materials): an
 * interface only. The hub ships the no-op default (every file clean); an operator plugs in a scanner (a clamd
 * client, a vendor's API) once, at start-up, with useVirusScanner. A file found infected is refused as
 * BAD_USER_INPUT naming the threat, and nothing of it is stored.
 */
export type ScanVerdict = { clean: true } | { clean: false; threat: string };

export interface VirusScanner {
  scan(bytes: Buffer, file: { name: string; sha256: string }): Promise<ScanVerdict>;
}

export const noVirusScan: VirusScanner = {
  scan: () => Promise.resolve({ clean: true }),
};

let scanner: VirusScanner = noVirusScan;

/** Replaces the scanner for every upload of this process (the no-op default until then). */
export function useVirusScanner(next: VirusScanner): void {
  scanner = next;
}

/** Scans the file; BAD_USER_INPUT (`message`, field `content`) when the scanner finds a threat. */
export async function assertNoVirus(
  bytes: Buffer,
  file: { name: string; sha256: string },
  message: string,
): Promise<void> {
  const verdict = await scanner.scan(bytes, file);
  if (!verdict.clean)
    throw new InvalidInputError(message, { fields: { content: `the file carries ${verdict.threat}` } });
}
