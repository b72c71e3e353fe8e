CREATE TABLE "number_groups" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "number_segments" (
	"prefix" text PRIMARY KEY NOT NULL,
	"group_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"parent_code" text,
	"operator_id" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_units_operator_id_unique" UNIQUE("operator_id")
);
--> statement-breakpoint
CREATE TABLE "resource_movement_items" (
	"movement_id" text NOT NULL,
	"item" text NOT NULL,
	CONSTRAINT "resource_movement_items_movement_id_item_pk" PRIMARY KEY("movement_id","item")
);
--> statement-breakpoint
CREATE TABLE "resource_movements" (
	"id" text PRIMARY KEY NOT NULL,
	"direction" text NOT NULL,
	"resource_type" text NOT NULL,
	"from_code" text,
	"to_code" text,
	"receiver" text NOT NULL,
	"item_count" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_state_changes" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"resource_type" text NOT NULL,
	"item" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"reason" text NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_fee_changes" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"msisdn" text NOT NULL,
	"before_fen" integer NOT NULL,
	"after_fen" integer NOT NULL,
	"reason" text NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_fee_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"pattern" text NOT NULL,
	"fee_fen" integer NOT NULL,
	"priority" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_batch_rows" (
	"batch_id" text NOT NULL,
	"row_no" integer NOT NULL,
	"raw" text NOT NULL,
	"result" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	CONSTRAINT "stock_batch_rows_batch_id_row_no_pk" PRIMARY KEY("batch_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "stock_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"resource_type" text NOT NULL,
	"file_name" text,
	"status" text NOT NULL,
	"holder_code" text,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"accepted_rows" integer DEFAULT 0 NOT NULL,
	"rejected_rows" integer DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stock_reports" (
	"report_date" text NOT NULL,
	"unit_code" text NOT NULL,
	"resource_type" text NOT NULL,
	"state" text NOT NULL,
	"count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_reports_report_date_unit_code_resource_type_state_pk" PRIMARY KEY("report_date","unit_code","resource_type","state")
);
--> statement-breakpoint
ALTER TABLE "numbers" ADD COLUMN "kind" text DEFAULT 'mobile' NOT NULL;--> statement-breakpoint
ALTER TABLE "numbers" ADD COLUMN "holder_code" text;--> statement-breakpoint
ALTER TABLE "numbers" ADD COLUMN "reserved_for" text;--> statement-breakpoint
ALTER TABLE "numbers" ADD COLUMN "reserved_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "numbers" ADD COLUMN "batch_id" text;--> statement-breakpoint
ALTER TABLE "numbers" ADD COLUMN "stocked_by" text;--> statement-breakpoint
ALTER TABLE "sim_cards" ADD COLUMN "holder_code" text;--> statement-breakpoint
ALTER TABLE "sim_cards" ADD COLUMN "capacity_kb" integer;--> statement-breakpoint
ALTER TABLE "sim_cards" ADD COLUMN "batch_id" text;--> statement-breakpoint
ALTER TABLE "sim_cards" ADD COLUMN "stocked_by" text;--> statement-breakpoint
ALTER TABLE "number_segments" ADD CONSTRAINT "number_segments_group_code_number_groups_code_fk" FOREIGN KEY ("group_code") REFERENCES "public"."number_groups"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "org_units_parent_idx" ON "org_units" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "resource_movement_items_item_idx" ON "resource_movement_items" USING btree ("item");--> statement-breakpoint
CREATE INDEX "resource_movements_units_idx" ON "resource_movements" USING btree ("from_code","to_code","created_at");--> statement-breakpoint
CREATE INDEX "resource_state_changes_item_idx" ON "resource_state_changes" USING btree ("item","changed_at");--> statement-breakpoint
CREATE INDEX "selection_fee_changes_msisdn_idx" ON "selection_fee_changes" USING btree ("msisdn","changed_at");--> statement-breakpoint
CREATE INDEX "stock_batch_rows_result_idx" ON "stock_batch_rows" USING btree ("batch_id","result","row_no");--> statement-breakpoint
CREATE INDEX "numbers_holder_idx" ON "numbers" USING btree ("holder_code","status");--> statement-breakpoint
CREATE INDEX "numbers_segment_idx" ON "numbers" USING btree ("segment","status");--> statement-breakpoint
CREATE INDEX "sim_cards_holder_idx" ON "sim_cards" USING btree ("holder_code","status");--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_parent_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."org_units"("code");--> statement-breakpoint
ALTER TABLE "numbers" ADD CONSTRAINT "numbers_holder_code_fk" FOREIGN KEY ("holder_code") REFERENCES "public"."org_units"("code");--> statement-breakpoint
ALTER TABLE "sim_cards" ADD CONSTRAINT "sim_cards_holder_code_fk" FOREIGN KEY ("holder_code") REFERENCES "public"."org_units"("code");
