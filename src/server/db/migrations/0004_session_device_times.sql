ALTER TABLE "sessions" ADD COLUMN "created_client_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "submitted_client_at" timestamp with time zone;