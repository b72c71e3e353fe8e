CREATE TABLE "group_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"group_code" text NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_contracts" (
	"id" text PRIMARY KEY NOT NULL,
	"group_code" text NOT NULL,
	"name" text NOT NULL,
	"ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_customers" (
	"group_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"customer_manager_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_member_events" (
	"source" text NOT NULL,
	"msisdn" text NOT NULL,
	"action" text NOT NULL,
	"subscription_id" text NOT NULL,
	"attributes" jsonb,
	"actor" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_member_events_source_msisdn_action_pk" PRIMARY KEY("source","msisdn","action")
);
--> statement-breakpoint
CREATE TABLE "group_members" (
	"subscription_id" text NOT NULL,
	"msisdn" text NOT NULL,
	"attributes" jsonb NOT NULL,
	"added_by" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_members_subscription_id_msisdn_pk" PRIMARY KEY("subscription_id","msisdn")
);
--> statement-breakpoint
CREATE TABLE "group_products" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"catalogue" text NOT NULL,
	"spec" jsonb NOT NULL,
	"member_spec" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"group_code" text NOT NULL,
	"product_code" text NOT NULL,
	"status" text NOT NULL,
	"contract_id" text NOT NULL,
	"paying_account_id" text NOT NULL,
	"customer_manager_id" text NOT NULL,
	"submitter_id" text NOT NULL,
	"attributes" jsonb NOT NULL,
	"tariff_code" text NOT NULL,
	"tariff_params" jsonb NOT NULL,
	"terms_effective_from" timestamp with time zone NOT NULL,
	"scheduled_terms" jsonb,
	"bboss_ref" text,
	"locked_by" text,
	"opened_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_tariffs" (
	"code" text PRIMARY KEY NOT NULL,
	"product_code" text NOT NULL,
	"name" text NOT NULL,
	"monthly_fee_per_member_fen" integer NOT NULL,
	"needs_approval" boolean DEFAULT false NOT NULL,
	"param_spec" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_batch_rows" (
	"batch_id" text NOT NULL,
	"row_no" integer NOT NULL,
	"msisdn" text NOT NULL,
	"attributes" jsonb NOT NULL,
	"result" text DEFAULT 'pending' NOT NULL,
	"reason_code" text,
	"reason" text,
	"processed_at" timestamp with time zone,
	CONSTRAINT "member_batch_rows_batch_id_row_no_pk" PRIMARY KEY("batch_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "member_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"subscription_id" text NOT NULL,
	"group_code" text NOT NULL,
	"product_code" text NOT NULL,
	"status" text NOT NULL,
	"total_rows" integer NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"accepted_rows" integer DEFAULT 0 NOT NULL,
	"rejected_rows" integer DEFAULT 0 NOT NULL,
	"request_hash" text NOT NULL,
	"operator_id" text NOT NULL,
	"channel_code" text NOT NULL,
	"failure" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "operator_product_permissions" (
	"operator_id" text NOT NULL,
	"product_code" text NOT NULL,
	"granted_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "operator_product_permissions_operator_id_product_code_pk" PRIMARY KEY("operator_id","product_code")
);
--> statement-breakpoint
ALTER TABLE "group_accounts" ADD CONSTRAINT "group_accounts_group_code_group_customers_group_code_fk" FOREIGN KEY ("group_code") REFERENCES "public"."group_customers"("group_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_contracts" ADD CONSTRAINT "group_contracts_group_code_group_customers_group_code_fk" FOREIGN KEY ("group_code") REFERENCES "public"."group_customers"("group_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_customers" ADD CONSTRAINT "group_customers_customer_manager_id_operators_id_fk" FOREIGN KEY ("customer_manager_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_subscription_id_group_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."group_subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_subscriptions" ADD CONSTRAINT "group_subscriptions_group_code_group_customers_group_code_fk" FOREIGN KEY ("group_code") REFERENCES "public"."group_customers"("group_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_subscriptions" ADD CONSTRAINT "group_subscriptions_product_code_group_products_code_fk" FOREIGN KEY ("product_code") REFERENCES "public"."group_products"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_tariffs" ADD CONSTRAINT "group_tariffs_product_code_group_products_code_fk" FOREIGN KEY ("product_code") REFERENCES "public"."group_products"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_batch_rows" ADD CONSTRAINT "member_batch_rows_batch_id_member_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."member_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_batches" ADD CONSTRAINT "member_batches_subscription_id_group_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."group_subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_product_permissions" ADD CONSTRAINT "operator_product_permissions_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_product_permissions" ADD CONSTRAINT "operator_product_permissions_product_code_group_products_code_fk" FOREIGN KEY ("product_code") REFERENCES "public"."group_products"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_member_events_member_idx" ON "group_member_events" USING btree ("subscription_id","msisdn","at");--> statement-breakpoint
CREATE UNIQUE INDEX "group_subscriptions_live_idx" ON "group_subscriptions" USING btree ("group_code","product_code") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE INDEX "member_batch_rows_result_idx" ON "member_batch_rows" USING btree ("batch_id","result","row_no");