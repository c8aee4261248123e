import { Migration } from '@mikro-orm/migrations';

/**
 * The evidence file an upload in parts recorded: a completed upload is kept (its parts deleted) until the sweep, so a
 * retried completion is answered with the file (platform/documents/upload-parts.ts markUploadCompleted). Before, the
 * row went with the completion and a retry after a lost answer was NOT_FOUND.
 */
export class Migration20261214000000_evidence_upload_completed extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "litigation"."evidence_upload" add column "completed_file_id" uuid null`);
  }
}
