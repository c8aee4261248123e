import { Migration } from '@mikro-orm/migrations';

/**
 * The filing document an upload in parts recorded: a completed upload is kept (its parts deleted) until the sweep, so
 * a retried completion is answered with the document (platform/documents/upload-parts.ts markUploadCompleted).
 * Before, the row went with the completion and a retry after a lost answer was NOT_FOUND.
 */
export class Migration20261214000000_filing_document_upload_completed extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "contracts"."filing_document_upload" add column "completed_file_id" uuid null`);
  }
}
