-- REQ: MNP-5 — port-out authorization codes used to be kept in the order's summary: they go.
UPDATE "orders" SET "summary" = "summary" - 'authorizationCode' WHERE "type" = 'portOut' AND "summary" ? 'authorizationCode';
--> statement-breakpoint
-- REQ: ORD-3 — orders taken before keys were scoped per channel (ID `<Type>:<key>`) get their key row under the
-- channel that took them, so a replay of such a key finds that order instead of starting a second one.
INSERT INTO "order_keys" ("channel_code", "idempotency_key", "order_id", "request_hash", "created_at")
SELECT "channel_code", substring("id" from position(':' in "id") + 1), "id", 'legacy', "created_at"
FROM "orders" WHERE "id" ~ '^[A-Za-z]+:[A-Za-z0-9._-]{8,64}$'
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- REQ: OPEN-6, Q-1 — their request hashes were plain SHA-256 of bodies that may hold a 6-digit service password
-- (found by trying a million bodies): they are dropped. A replay of such a key is refused 409 IdempotencyKeyReused.
UPDATE "orders" SET "request_hash" = 'legacy' WHERE "id" ~ '^[A-Za-z]+:[A-Za-z0-9._-]{8,64}$';
