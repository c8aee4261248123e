import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Where evidence files and generated court documents keep their bytes: one interface, so an S3-compatible store can
 * replace the PostgreSQL large objects used now (persistence/large-object.store.ts). Keys are opaque to callers;
 * the database rows hold each file's SHA-256, which is checked again whenever the bytes are read back.
 */
export interface DocumentStore {
  put(tx: EntityManager, bytes: Buffer): Promise<string>;
  get(em: EntityManager, key: string): Promise<Buffer>;
}
