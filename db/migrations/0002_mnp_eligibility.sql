ALTER TABLE "subscribers" ADD COLUMN "real_name_verified" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "subscribers" ADD COLUMN "contract_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscribers" ADD COLUMN "restrictions" text[] DEFAULT '{}'::text[] NOT NULL;