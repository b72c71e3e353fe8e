-- REQ: RES-1 — an upload streams its rows straight into stock_batch_rows under a key drawn when it starts (the
-- batch ID, a hash of the content, is only known at its end); the batch names that key. Batches staged before
-- keep their rows under their batch ID, which becomes their key.
ALTER TABLE "stock_batches" ADD COLUMN "upload_id" text;--> statement-breakpoint
UPDATE "stock_batches" SET "upload_id" = "id";--> statement-breakpoint
ALTER TABLE "stock_batches" ALTER COLUMN "upload_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "stock_batches" ADD CONSTRAINT "stock_batches_upload_id_unique" UNIQUE("upload_id");--> statement-breakpoint
ALTER TABLE "stock_batch_rows" RENAME COLUMN "batch_id" TO "upload_id";--> statement-breakpoint
ALTER TABLE "stock_batch_rows" RENAME CONSTRAINT "stock_batch_rows_batch_id_row_no_pk" TO "stock_batch_rows_upload_id_row_no_pk";--> statement-breakpoint
-- Writing a row's result no longer touches a second index; the report's filter by result reads the batch's
-- rows through the primary key.
DROP INDEX "stock_batch_rows_result_idx";--> statement-breakpoint
-- Half of each page left free when rows are staged, so writing every row's result fits beside it: a HOT update,
-- which writes no index entry. (drizzle does not model storage parameters; this stays as set here.)
ALTER TABLE "stock_batch_rows" SET (fillfactor = 50);
