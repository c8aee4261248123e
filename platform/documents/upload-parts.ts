import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError, NotFoundError } from '../../kernel/errors';
import { UPLOAD_TTL_MS, missingParts } from '../../kernel/media-type';
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
  /** Deletes the parts (the upload completed: the file holds the bytes now). */
  clear(tx: EntityManager, uploadId: string): Promise<void>;
}

/** What has arrived of an upload in parts, as both subgraphs that take them answer it. */
export interface UploadProgress {
  uploadId: string;
  partBytes: number;
  parts: number;
  receivedParts: number[];
  receivedBytes: number;
}

/** A table name is the caller's constant, never input: schema-qualified, lower case. */
const checkTable = (table: string) => {
  if (!/^[a-z_]+\.[a-z_]+$/.test(table)) throw new Error(`not a schema-qualified table name: ${table}`);
  return table;
};

export function uploadPartsIn(table: string): UploadParts {
  checkTable(table);
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
    async clear(tx, uploadId) {
      await sqlRun(tx, `delete from ${table} where upload_id = ?::uuid`, [uploadId]);
    },
  };
}

/**
 * Marks an upload completed with the file it recorded, and deletes its parts, in the transaction that recorded the
 * file. The row stays until the sweep (UPLOAD_TTL_MS after its start, so for what is left of the 24 hours), so
 * completing it again (a retry after a lost answer) is answered with that file instead of NOT_FOUND; it no longer
 * counts as open (admitUpload).
 */
async function markUploadCompleted(
  tx: EntityManager,
  table: string,
  parts: UploadParts,
  uploadId: string,
  fileId: string,
): Promise<void> {
  await sqlRun(tx, `update ${checkTable(table)} set completed_file_id = ?::uuid where id = ?::uuid`, [
    fileId,
    uploadId,
  ]);
  await parts.clear(tx, uploadId);
}

/** An upload in parts as stored: what was declared, and the file it recorded once completed. */
export interface StoredUpload extends DeclaredUpload {
  completedFileId: string | null;
}

/**
 * Completes an upload in parts, once: joins and checks the parts, scans the bytes outside any transaction (a scanner
 * takes as long as it takes, and must hold no lock), then in one transaction checks the parts are still those bytes,
 * records the file and marks the upload completed (its parts deleted). An upload completed already, by an earlier
 * request whose answer was lost or by one at the same moment, is answered with the file it recorded. `upload` reads
 * the caller's own upload (NOT_FOUND for anyone else), locked with `lock`; `completed` finds the file it recorded.
 */
export async function completeUpload<U extends StoredUpload, F extends { id: string }>(
  em: EntityManager,
  how: {
    table: string;
    parts: UploadParts;
    refusedMessage: string;
    upload: (em: EntityManager, lock: boolean) => Promise<U>;
    completed: (em: EntityManager, upload: U) => Promise<F | null>;
    scan: (bytes: Buffer, upload: U) => Promise<void>;
    record: (tx: EntityManager, upload: U, bytes: Buffer) => Promise<F>;
  },
): Promise<F> {
  // Completed already: the file it recorded (NOT_FOUND should that file be gone, never the parts it no longer has).
  const recorded = async (db: EntityManager, upload: U) => {
    if (!upload.completedFileId) return null;
    const file = await how.completed(db, upload);
    if (!file) throw new NotFoundError('Uploaded file', upload.completedFileId);
    return file;
  };
  const declared = await how.upload(em, false);
  const done = await recorded(em, declared);
  if (done) return done;
  let bytes: Buffer;
  try {
    bytes = await joinedUpload(em, how.parts, declared, how.refusedMessage);
  } catch (error) {
    // Completed meanwhile by a request sent at the same moment: its parts are gone, its file is the answer.
    const meanwhile = await recorded(em, await how.upload(em, false));
    if (meanwhile) return meanwhile;
    throw error;
  }
  await how.scan(bytes, declared);
  return em.transactional(async (tx) => {
    const upload = await how.upload(tx, true);
    const meanwhile = await recorded(tx, upload);
    if (meanwhile) return meanwhile;
    await assertUploadUnchanged(tx, how.parts, upload, how.refusedMessage);
    const file = await how.record(tx, upload, bytes);
    await markUploadCompleted(tx, how.table, how.parts, upload.id, file.id);
    return file;
  });
}

/** A part sent to an upload already completed is refused: the file is recorded, its parts gone. */
export function assertUploadOpen(upload: StoredUpload): void {
  if (upload.completedFileId)
    throw new InvalidInputError('The upload is complete: its file is recorded', {
      fields: { uploadId: 'completed; start a new upload for another file' },
    });
}

/**
 * Deletes uploads in parts of `table` started before `startedBefore`, completed or abandoned (at most `limit`), their
 * parts with them (rows of `partTable`, deleted by the foreign key's cascade; no large object is written before an
 * upload completes). Returns how many uploads and part bytes went.
 */
async function deleteUploadsStartedBefore(
  tx: EntityManager,
  tables: { uploads: string; parts: string },
  startedBefore: Date,
  limit: number,
): Promise<{ uploads: number; bytes: number }> {
  const [uploads, parts] = [checkTable(tables.uploads), checkTable(tables.parts)];
  const [row] = await sqlRows<{ uploads: number; bytes: string | number | null }>(
    tx,
    `with abandoned as (
       select id from ${uploads} where started_at < ? order by started_at limit ? for update skip locked),
     sizes as (
       select coalesce(sum(octet_length(p.bytes)), 0) as bytes from ${parts} p join abandoned a on a.id = p.upload_id),
     deleted as (
       delete from ${uploads} u using abandoned a where u.id = a.id returning u.id)
     select (select count(*)::int from deleted) as uploads, (select bytes from sizes) as bytes`,
    [startedBefore, limit],
  );
  return { uploads: row.uploads, bytes: Number(row.bytes ?? 0) };
}

/** Uploads swept per transaction. */
const SWEEP_BATCH = 100;

/**
 * Deletes the uploads in parts started more than UPLOAD_TTL_MS (24 h) before `now`, with their parts: those never
 * completed (abandoned) and the record of completed ones. Short transactions of SWEEP_BATCH; returns how many uploads
 * and part bytes went.
 */
export async function sweepUploads(
  em: EntityManager,
  tables: { uploads: string; parts: string },
  now: Date = new Date(),
): Promise<{ uploads: number; bytes: number }> {
  const startedBefore = new Date(now.getTime() - UPLOAD_TTL_MS);
  const total = { uploads: 0, bytes: 0 };
  for (;;) {
    const swept = await em.transactional((tx) => deleteUploadsStartedBefore(tx, tables, startedBefore, SWEEP_BATCH));
    total.uploads += swept.uploads;
    total.bytes += swept.bytes;
    if (swept.uploads < SWEEP_BATCH) return total;
  }
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
  checkTable(table);
  await sqlRun(tx, `select pg_advisory_xact_lock(hashtext(?), hashtext(?))`, [table, companyId]);
  const [{ n }] = await sqlRows<{ n: number }>(
    tx,
    `select count(*)::int as n from ${table} where company_id = ? and completed_file_id is null`,
    [companyId],
  );
  if (n >= MAX_OPEN_UPLOADS)
    throw new InvalidInputError(
      `At most ${MAX_OPEN_UPLOADS} uploads in parts may be open at once: complete one (or let it lapse after 24 hours) first`,
      { fields: { upload: `at most ${MAX_OPEN_UPLOADS} open uploads` } },
    );
}
