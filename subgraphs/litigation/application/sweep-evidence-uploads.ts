import type { EntityManager } from '@mikro-orm/postgresql';
import { sweepUploads } from '../../../platform/documents/upload-parts';
import { EVIDENCE_UPLOAD_TABLES } from '../persistence/document.repository';

/**
 * Deletes the evidence uploads in parts started more than EVIDENCE_LIMITS.uploadTtlMs (24 h) ago: those never
 * completed with their parts, and the record of completed ones (which answered a retried completion until then).
 * Returns how many uploads and part bytes went.
 */
export const sweepEvidenceUploads = (em: EntityManager, now: Date = new Date()) =>
  sweepUploads(em, EVIDENCE_UPLOAD_TABLES, now);
