ALTER TABLE "simulators"."outbox" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "simulators"."outbox" ADD COLUMN "claimed_at" timestamp with time zone;