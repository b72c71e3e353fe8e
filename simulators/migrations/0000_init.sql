CREATE SCHEMA IF NOT EXISTS "simulators";
--> statement-breakpoint
CREATE SEQUENCE "simulators"."bank_refs" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "simulators"."bboss_refs" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "simulators"."clearing_refs" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "simulators"."hlr_refs" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "simulators"."sms_refs" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "simulators"."bank_accounts" (
	"account_no" text PRIMARY KEY NOT NULL,
	"account" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "simulators"."bank_charges" (
	"seq" bigserial NOT NULL,
	"idempotency_key" text PRIMARY KEY NOT NULL,
	"amount_fen" integer NOT NULL,
	"account" text NOT NULL,
	"bank_ref" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "simulators"."bank_declined" (
	"account_no" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "simulators"."bank_refunds" (
	"seq" bigserial NOT NULL,
	"idempotency_key" text PRIMARY KEY NOT NULL,
	"charge_ref" text NOT NULL,
	"amount_fen" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "simulators"."bboss_member_changes" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"group_code" text NOT NULL,
	"product_code" text NOT NULL,
	"change" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "simulators"."bboss_member_results" (
	"request_id" text NOT NULL,
	"msisdn" text NOT NULL,
	"result" jsonb NOT NULL,
	CONSTRAINT "bboss_member_results_request_id_msisdn_pk" PRIMARY KEY("request_id","msisdn")
);
--> statement-breakpoint
CREATE TABLE "simulators"."bboss_orders" (
	"seq" bigserial NOT NULL,
	"bboss_ref" text PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"submission" jsonb NOT NULL,
	"decides_at" timestamp with time zone NOT NULL,
	"answer" jsonb NOT NULL,
	"delivered" boolean DEFAULT false NOT NULL,
	CONSTRAINT "bboss_orders_request_id_unique" UNIQUE("request_id")
);
--> statement-breakpoint
CREATE TABLE "simulators"."behaviour" (
	"system" text PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "simulators"."clearing_cancellations" (
	"seq" bigserial NOT NULL,
	"request_id" text PRIMARY KEY NOT NULL,
	"clearing_ref" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "simulators"."clearing_port_ins" (
	"seq" bigserial NOT NULL,
	"clearing_ref" text PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"msisdn" text NOT NULL,
	"order_id" text NOT NULL,
	"authorization_code_sha256" text NOT NULL,
	"answer" jsonb NOT NULL,
	"cancelled" boolean DEFAULT false NOT NULL,
	CONSTRAINT "clearing_port_ins_request_id_unique" UNIQUE("request_id")
);
--> statement-breakpoint
CREATE TABLE "simulators"."clearing_port_out_answers" (
	"seq" bigserial NOT NULL,
	"request_id" text PRIMARY KEY NOT NULL,
	"clearing_ref" text NOT NULL,
	"accept" boolean NOT NULL,
	"reason_code" text
);
--> statement-breakpoint
CREATE TABLE "simulators"."clearing_port_out_requests" (
	"seq" bigserial NOT NULL,
	"clearing_ref" text PRIMARY KEY NOT NULL,
	"msisdn" text NOT NULL,
	"recipient_operator" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "simulators"."hlr_subscribers" (
	"msisdn" text PRIMARY KEY NOT NULL,
	"imsi" text NOT NULL,
	"services" jsonb NOT NULL,
	"hlr_ref" text NOT NULL,
	"barred" boolean DEFAULT false NOT NULL,
	"provisioned_by" text
);
--> statement-breakpoint
CREATE TABLE "simulators"."hlr_updates" (
	"request_id" text PRIMARY KEY NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "simulators"."outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"target" text NOT NULL,
	"body" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"clearing_ref" text,
	"bboss_ref" text,
	"outcome" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "simulators"."sms_messages" (
	"seq" bigserial NOT NULL,
	"event_key" text PRIMARY KEY NOT NULL,
	"msisdn" text NOT NULL,
	"text" text NOT NULL,
	"gateway_ref" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "simulators"."telephony_calls" (
	"call_id" text PRIMARY KEY NOT NULL,
	"caller_msisdn" text NOT NULL,
	"agent" text NOT NULL,
	"ended" boolean DEFAULT false NOT NULL,
	"started_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "outbox_due" ON "simulators"."outbox" USING btree ("due_at") WHERE state = 'pending';--> statement-breakpoint
CREATE INDEX "sms_messages_msisdn" ON "simulators"."sms_messages" USING btree ("msisdn","seq");