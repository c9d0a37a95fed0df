ALTER TABLE "attendance" ADD COLUMN "echo_client_id" uuid;--> statement-breakpoint
ALTER TABLE "attendance" ADD COLUMN "echo_version" bigint;--> statement-breakpoint
ALTER TABLE "mutation_results" ADD COLUMN "version" bigint;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "echo_client_id" uuid;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "echo_version" bigint;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "echo_client_id" uuid;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "echo_version" bigint;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "echo_client_id" uuid;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "echo_version" bigint;