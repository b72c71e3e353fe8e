CREATE TABLE "bills" (
	"msisdn" text NOT NULL,
	"period" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"paid_fen" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bills_msisdn_period_pk" PRIMARY KEY("msisdn","period")
);
--> statement-breakpoint
CREATE TABLE "subscribers" (
	"msisdn" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"iccid" text NOT NULL,
	"imsi" text NOT NULL,
	"product_code" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"international_roaming" boolean DEFAULT false NOT NULL,
	"balance_fen" integer DEFAULT 0 NOT NULL,
	"features" text[] DEFAULT '{}'::text[] NOT NULL,
	"discount_code" text,
	"service_password_hash" text,
	"locked_by" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "capabilities" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "numbers" ADD COLUMN "available_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "direction" text DEFAULT 'in' NOT NULL;--> statement-breakpoint
CREATE INDEX "subscribers_customer_idx" ON "subscribers" USING btree ("customer_id");