import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows } from '../db/sql';

/**
 * Where uploaded files and generated documents keep their bytes (litigation's evidence and court documents, a
 * filing's materials and certificate): one interface, so an S3-compatible store can replace the PostgreSQL large
 * objects used now. Keys are opaque to callers; the database rows hold each file's SHA-256, which is checked again
 * whenever the bytes are read back.
 */
export interface DocumentStore {
  put(tx: EntityManager, bytes: Buffer): Promise<string>;
  get(em: EntityManager, key: string): Promise<Buffer>;
}

const PREFIX = 'pg-lo:';

/** How much of a large object one statement reads (it travels as twice as many characters of hex). */
export const READ_SLICE_BYTES = 2 ** 20;

/**
 * Files as PostgreSQL large objects, written in the caller's transaction (so a refused upload or a rolled-back
 * generation leaves no file behind) and backed up with the database. The storage key is `pg-lo:<oid>`.
 */
export const largeObjectStore: DocumentStore = {
  async put(tx: EntityManager, bytes: Buffer): Promise<string> {
    const [row] = await sqlRows<{ oid: number | string }>(tx, `select lo_from_bytea(0, ?::bytea) as oid`, [bytes]);
    return `${PREFIX}${String(row.oid)}`;
  },
  /**
   * Read in slices of READ_SLICE_BYTES: a bytea travels as hex text, and node-postgres gathers a whole row in one
   * buffer grown by doubling before decoding it, so one statement for a 20 MB file held a 64 MB buffer, the 40 MB
   * text and two copies of the bytes at once (README › Performance › Memory); a slice holds a few MB of them.
   */
  async get(em: EntityManager, key: string): Promise<Buffer> {
    if (!key.startsWith(PREFIX) || !/^[0-9]+$/.test(key.slice(PREFIX.length)))
      throw new Error(`not a large-object key: ${key}`);
    const oid = key.slice(PREFIX.length);
    const slices: Buffer[] = [];
    let read = 0;
    for (;;) {
      const [row] = await sqlRows<{ bytes: Buffer }>(em, `select lo_get(?::oid, ?::bigint, ?::int) as bytes`, [
        oid,
        read,
        READ_SLICE_BYTES,
      ]);
      slices.push(row.bytes);
      read += row.bytes.length;
      if (row.bytes.length < READ_SLICE_BYTES) return Buffer.concat(slices, read);
    }
  },
};

/** Reads stored bytes back, refusing them if they no longer match the SHA-256 recorded when they were stored. */
export async function readChecked(
  store: DocumentStore,
  em: EntityManager,
  key: string,
  sha256: string,
): Promise<Buffer> {
  const bytes = await store.get(em, key);
  if (createHash('sha256').update(bytes).digest('hex') !== sha256)
    throw new Error(`stored file ${key} no longer matches its SHA-256`);
  return bytes;
}
