import * as fs from 'node:fs';
import * as path from 'node:path';

/** A JDK program (java, keytool): JAVA_HOME's when it has it, else the one on PATH. */
export function jdkBin(tool: 'java' | 'keytool'): string {
  const home = process.env.JAVA_HOME;
  const candidate = home ? path.join(home, 'bin', process.platform === 'win32' ? `${tool}.exe` : tool) : undefined;
  return candidate && fs.existsSync(candidate) ? candidate : tool;
}
