import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError } from '../../kernel/errors';
import { missingParts } from '../../kernel/media-type';
import { sqlRows, sqlRun } from '../db/sql';

/**
 * The parts of an upload too large for one request (kernel/media-type.ts says how many and how large), kept in a
 * subgraph's own table `(upload_id uuid, index int, bytes bytea, primary key (upload_id, index))` until the upload
 * completes. One implementation for every subgraph that takes uploads in parts; the table name is the caller's
 * constant, never input.
 */
export interface UploadParts {
  /** Stores a part, replacing one sent before with the same index (a retried part). */
  save(tx: EntityManager, uploadId: string, index: number, bytes: Buffer): Promise<void>;
  /** The indexes received and their total size. */
  received(tx: EntityManager, uploadId: string): Promise<{ indexes: number[]; bytes: number }>;
  /** The parts joined in order. */
  joined(tx: EntityManager, uploadId: string): Promise<Buffer>;
  /** SHA-256 (lower-case hex) of the parts joined in order, worked out by the database: no byte is read here. */
  digest(tx: EntityManager, uploadId: string): Promise<string | null>;
}

/** What has arrived of an upload in parts, as both subgraphs that take them answer it. */
export interface UploadProgress {
  uploadId: string;
  partBytes: number;
  parts: number;
  receivedParts: number[];
  receivedBytes: number;
}

export function uploadPartsIn(table: string): UploadParts {
  if (!/^[a-z_]+\.[a-z_]+$/.test(table)) throw new Error(`not a schema-qualified table name: ${table}`);
  return {
    async save(tx, uploadId, index, bytes) {
      await sqlRun(
        tx,
        `insert into ${table} (upload_id, index, bytes) values (?, ?, ?::bytea) on conflict (upload_id, index) do update set bytes = excluded.bytes`,
        [uploadId, index, bytes],
      );
    },
    async received(tx, uploadId) {
      const rows = await sqlRows<{ index: number; size: number | string }>(
        tx,
        `select index, octet_length(bytes) as size from ${table} where upload_id = ?::uuid order by index`,
        [uploadId],
      );
      return { indexes: rows.map((r) => r.index), bytes: rows.reduce((s, r) => s + Number(r.size), 0) };
    },
    async joined(tx, uploadId) {
      const rows = await sqlRows<{ bytes: Buffer }>(
        tx,
        `select bytes from ${table} where upload_id = ?::uuid order by index`,
        [uploadId],
      );
      return Buffer.concat(rows.map((r) => Buffer.from(r.bytes)));
    },
    async digest(tx, uploadId) {
      const [row] = await sqlRows<{ sha256: string | null }>(
        tx,
        `select encode(sha256(string_agg(bytes, ''::bytea order by index)), 'hex') as sha256 from ${table} where upload_id = ?::uuid`,
        [uploadId],
      );
      return row?.sha256 ?? null;
    },
  };
}

/** An upload in parts as declared at its start. */
export interface DeclaredUpload {
  id: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * The parts of an upload joined, once every part has arrived and they have the SHA-256 declared at its start; else
 * BAD_USER_INPUT (`message` for a digest that differs).
 */
export async function joinedUpload(
  em: EntityManager,
  parts: UploadParts,
  upload: DeclaredUpload,
  message: string,
): Promise<Buffer> {
  const missing = missingParts(upload.sizeBytes, (await parts.received(em, upload.id)).indexes);
  if (missing.length > 0)
    throw new InvalidInputError('The upload is missing parts', {
      fields: { uploadId: `parts not received: ${missing.join(', ')}` },
    });
  const bytes = await parts.joined(em, upload.id);
  if (createHash('sha256').update(bytes).digest('hex') !== upload.sha256) throw partsChanged(message);
  return bytes;
}

/**
 * Checks, in the transaction that records an upload, that its parts are still the bytes joined and scanned before it
 * (`joinedUpload`): they hash to the SHA-256 declared. A part sent again in between with other bytes is refused.
 */
export async function assertUploadUnchanged(
  tx: EntityManager,
  parts: UploadParts,
  upload: DeclaredUpload,
  message: string,
): Promise<void> {
  if ((await parts.digest(tx, upload.id)) !== upload.sha256) throw partsChanged(message);
}

const partsChanged = (message: string) =>
  new InvalidInputError(message, {
    fields: { sha256: 'the parts joined do not have the SHA-256 declared when the upload started' },
  });

/**
 * Uploads in parts a company may have open at once, each of a subgraph's kind: up to 20 MiB of parts each, kept
 * until completed or swept 24 hours after the start, so at most 400 MiB of a company's parts wait at a time. Before,
 * a company could open uploads without end and fill the database with parts within its rate limit.
 */
export const MAX_OPEN_UPLOADS = 20;

/**
 * Admits a company's new upload into `table` (the subgraph's uploads, with a `company_id`), in the transaction that
 * records it: counted under a lock on the company's uploads, so requests made at once cannot all see room.
 */
export async function admitUpload(tx: EntityManager, table: string, companyId: string): Promise<void> {
  if (!/^[a-z_]+\.[a-z_]+$/.test(table)) throw new Error(`not a schema-qualified table name: ${table}`);
  await sqlRun(tx, `select pg_advisory_xact_lock(hashtext(?), hashtext(?))`, [table, companyId]);
  const [{ n }] = await sqlRows<{ n: number }>(tx, `select count(*)::int as n from ${table} where company_id = ?`, [
    companyId,
  ]);
  if (n >= MAX_OPEN_UPLOADS)
    throw new InvalidInputError(
      `At most ${MAX_OPEN_UPLOADS} uploads in parts may be open at once: complete one (or let it lapse after 24 hours) first`,
      { fields: { upload: `at most ${MAX_OPEN_UPLOADS} open uploads` } },
    );
}
