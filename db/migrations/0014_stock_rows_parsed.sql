ALTER TABLE "stock_batch_rows" ADD COLUMN "item_key" text;--> statement-breakpoint
ALTER TABLE "stock_batch_rows" ADD COLUMN "imsi" text;--> statement-breakpoint
ALTER TABLE "stock_batch_rows" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "stock_batch_rows" ADD COLUMN "segment" text;--> statement-breakpoint
ALTER TABLE "stock_batch_rows" ADD COLUMN "capacity_kb" integer;