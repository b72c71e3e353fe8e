ALTER TABLE "orders" ADD COLUMN "last_seq" integer DEFAULT -1 NOT NULL;--> statement-breakpoint
-- REQ: ORD-2 — every order already taken keeps the number of its last timeline line, so a late move of an order
-- still running cannot move it back.
UPDATE "orders" "o" SET "last_seq" = coalesce((SELECT max("e"."seq") FROM "order_events" "e" WHERE "e"."order_id" = "o"."id"), -1);
