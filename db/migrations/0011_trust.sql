CREATE TABLE "call_sessions" (
	"call_id" text PRIMARY KEY NOT NULL,
	"caller_msisdn" text NOT NULL,
	"agent_id" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "line_settlements" (
	"order_id" text NOT NULL,
	"msisdn" text NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "line_settlements_order_id_kind_pk" PRIMARY KEY("order_id","kind")
);
--> statement-breakpoint
CREATE TABLE "order_keys" (
	"channel_code" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"order_id" text NOT NULL,
	"request_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_keys_channel_code_idempotency_key_pk" PRIMARY KEY("channel_code","idempotency_key"),
	CONSTRAINT "order_keys_order_id_unique" UNIQUE("order_id")
);
--> statement-breakpoint
CREATE TABLE "parked_secrets" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"kind" text NOT NULL,
	"hash" text,
	"sealed" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "port_out_codes" (
	"order_id" text PRIMARY KEY NOT NULL,
	"msisdn" text NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recharge_card_tickets" (
	"serial" text NOT NULL,
	"seq" integer NOT NULL,
	"work_order_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recharge_card_tickets_serial_seq_pk" PRIMARY KEY("serial","seq"),
	CONSTRAINT "recharge_card_tickets_work_order_id_unique" UNIQUE("work_order_id")
);
--> statement-breakpoint
CREATE TABLE "sms_messages" (
	"event_key" text PRIMARY KEY NOT NULL,
	"msisdn" text NOT NULL,
	"template" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"gateway_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "outlet_code" text;--> statement-breakpoint
CREATE INDEX "call_sessions_agent_idx" ON "call_sessions" USING btree ("agent_id","started_at");--> statement-breakpoint
CREATE INDEX "line_settlements_msisdn_idx" ON "line_settlements" USING btree ("msisdn");--> statement-breakpoint
CREATE INDEX "parked_secrets_order_idx" ON "parked_secrets" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "port_out_codes_msisdn_idx" ON "port_out_codes" USING btree ("msisdn");--> statement-breakpoint
CREATE INDEX "sms_messages_msisdn_idx" ON "sms_messages" USING btree ("msisdn","created_at");--> statement-breakpoint
CREATE INDEX "orders_channel_idx" ON "orders" USING btree ("channel_code","created_at");