import type { Client } from 'pg';
import { VirusScanner } from '../../platform/documents/virus-scan';

/**
 * A virus scanner that holds every scan until released, as a slow clamd or a vendor's API would: `scanning` settles
 * when the first scan starts. Plugged in with useVirusScanner by a test that runs the hub in its own process.
 */
export function heldScanner(): { scanner: VirusScanner; scanning: Promise<void>; release(): void } {
  let release!: () => void;
  let started!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const scanning = new Promise<void>((resolve) => (started = resolve));
  return {
    scanner: {
      scan: async () => {
        started();
        await released;
        return { clean: true };
      },
    },
    scanning,
    release,
  };
}

/**
 * Whether the row could be locked at once (`for update nowait`) from another connection, in a transaction rolled back
 * at once: false when some transaction holds it.
 */
export async function rowIsFree(db: Client, table: string, id: string): Promise<boolean> {
  if (!/^[a-z_]+\.[a-z_]+$/.test(table)) throw new Error(`not a schema-qualified table name: ${table}`);
  await db.query('begin');
  try {
    await db.query(`select 1 from ${table} where id = $1 for update nowait`, [id]);
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === '55P03') return false; // lock_not_available
    throw e;
  } finally {
    await db.query('rollback');
  }
}
