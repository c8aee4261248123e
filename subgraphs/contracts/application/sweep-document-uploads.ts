import type { EntityManager } from '@mikro-orm/postgresql';
import { sweepUploads } from '../../../platform/documents/upload-parts';
import { DOCUMENT_UPLOAD_TABLES } from '../persistence/filing-document.repository';

/**
 * Deletes the filing-document uploads in parts started more than 24 hours ago (kernel/media-type.ts UPLOAD_TTL_MS):
 * those never completed with their parts, and the record of completed ones. Before, nothing swept them: a company's
 * abandoned uploads kept their parts for good and, once 20 were open, it could start no other.
 */
export const sweepDocumentUploads = (em: EntityManager, now: Date = new Date()) =>
  sweepUploads(em, DOCUMENT_UPLOAD_TABLES, now);
