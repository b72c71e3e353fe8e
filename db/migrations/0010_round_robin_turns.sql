CREATE TABLE "round_robin_turns" (
	"turn_key" text PRIMARY KEY NOT NULL,
	"rule_id" text NOT NULL,
	"turn" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
