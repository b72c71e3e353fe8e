CREATE TABLE "recharge_cards" (
	"serial" text PRIMARY KEY NOT NULL,
	"face_value_fen" integer NOT NULL,
	"status" text NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"used_by_msisdn" text,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "usage_summaries" (
	"msisdn" text NOT NULL,
	"period" text NOT NULL,
	"voice_minutes" integer DEFAULT 0 NOT NULL,
	"data_mb" integer DEFAULT 0 NOT NULL,
	"sms" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "usage_summaries_msisdn_period_pk" PRIMARY KEY("msisdn","period")
);
--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "business_hours" text;--> statement-breakpoint
ALTER TABLE "operators" ADD COLUMN "business_hours" text;--> statement-breakpoint
ALTER TABLE "subscribers" ADD COLUMN "service_password_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "subscribers" ADD COLUMN "service_password_locked_until" timestamp with time zone;