CREATE TABLE "operator_outlets" (
	"operator_id" text NOT NULL,
	"outlet_code" text NOT NULL,
	CONSTRAINT "operator_outlets_operator_id_outlet_code_pk" PRIMARY KEY("operator_id","outlet_code")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "outlet_code" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "outlet_code" text;--> statement-breakpoint
ALTER TABLE "operator_outlets" ADD CONSTRAINT "operator_outlets_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_outlets" ADD CONSTRAINT "operator_outlets_outlet_code_outlets_code_fk" FOREIGN KEY ("outlet_code") REFERENCES "public"."outlets"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customers_identity_idx" ON "customers" USING btree ("id_type","id_number");