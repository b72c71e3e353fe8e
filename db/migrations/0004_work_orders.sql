CREATE TABLE "dispatch_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"kind" text NOT NULL,
	"match" jsonb NOT NULL,
	"target" jsonb NOT NULL,
	"rr_cursor" integer DEFAULT 0 NOT NULL,
	"updated_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"recipient_role" text NOT NULL,
	"outlet_code" text,
	"work_order_id" text,
	"kind" text NOT NULL,
	"message_zh" text NOT NULL,
	"message_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outlets" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	"territory" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "response_teams" (
	"city" text PRIMARY KEY NOT NULL,
	"outlet_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "segment_cities" (
	"segment" text PRIMARY KEY NOT NULL,
	"city" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_profiles" (
	"operator_id" text PRIMARY KEY NOT NULL,
	"outlet_code" text NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_order_events" (
	"work_order_id" text NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "work_order_events_work_order_id_seq_pk" PRIMARY KEY("work_order_id","seq")
);
--> statement-breakpoint
CREATE TABLE "work_orders" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"green_channel_type" text,
	"priority" text NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"customer" jsonb NOT NULL,
	"vip" boolean DEFAULT false NOT NULL,
	"city" text,
	"territory" text,
	"required_skill" text,
	"outlet_code" text,
	"assignee_id" text,
	"source" text NOT NULL,
	"created_by" text NOT NULL,
	"channel_code" text NOT NULL,
	"appointment_at" timestamp with time zone,
	"result" jsonb,
	"commitments" jsonb,
	"response_due_at" timestamp with time zone,
	"resolution_due_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"response_breached" boolean DEFAULT false NOT NULL,
	"resolution_breached" boolean DEFAULT false NOT NULL,
	"last_event_seq" integer DEFAULT -1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "response_teams" ADD CONSTRAINT "response_teams_outlet_code_outlets_code_fk" FOREIGN KEY ("outlet_code") REFERENCES "public"."outlets"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_profiles" ADD CONSTRAINT "staff_profiles_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_profiles" ADD CONSTRAINT "staff_profiles_outlet_code_outlets_code_fk" FOREIGN KEY ("outlet_code") REFERENCES "public"."outlets"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_events" ADD CONSTRAINT "work_order_events_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dispatch_rules_position_idx" ON "dispatch_rules" USING btree ("position");--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_role","outlet_code","created_at");--> statement-breakpoint
CREATE INDEX "work_orders_status_idx" ON "work_orders" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "work_orders_outlet_idx" ON "work_orders" USING btree ("outlet_code","status");--> statement-breakpoint
CREATE INDEX "work_orders_assignee_idx" ON "work_orders" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "work_orders_priority_idx" ON "work_orders" USING btree ("priority","created_at");