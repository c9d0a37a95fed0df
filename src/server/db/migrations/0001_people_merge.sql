CREATE TABLE "participant_merges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"space_id" uuid NOT NULL,
	"kept_id" uuid NOT NULL,
	"merged_ids" uuid[] NOT NULL,
	"merged_by" uuid NOT NULL,
	"merged_at" timestamp with time zone NOT NULL,
	"changes" jsonb NOT NULL,
	"undone_by" uuid,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "merged_into" uuid;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "name_key" text GENERATED ALWAYS AS (regexp_replace(lower(translate(regexp_replace(normalize(full_name, NFD), '[\u0300-\u036f]', '', 'g'), 'đĐÐ', 'ddd')), '[^a-z0-9]', '', 'g')) STORED;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "name_variant_key" text GENERATED ALWAYS AS ((regexp_split_to_array(nullif(btrim(regexp_replace(regexp_replace(lower(translate(regexp_replace(normalize(regexp_replace(full_name, '\s+', ' ', 'g'), NFD), '[\u0300-\u036f]', '', 'g'), 'đĐÐ', 'ddd')), '[^a-z0-9 ]', '', 'g'), ' +', ' ', 'g')), ''), ' '))[1] || ' ' || (regexp_split_to_array(nullif(btrim(regexp_replace(regexp_replace(lower(translate(regexp_replace(normalize(regexp_replace(full_name, '\s+', ' ', 'g'), NFD), '[\u0300-\u036f]', '', 'g'), 'đĐÐ', 'ddd')), '[^a-z0-9 ]', '', 'g'), ' +', ' ', 'g')), ''), ' '))[cardinality(regexp_split_to_array(nullif(btrim(regexp_replace(regexp_replace(lower(translate(regexp_replace(normalize(regexp_replace(full_name, '\s+', ' ', 'g'), NFD), '[\u0300-\u036f]', '', 'g'), 'đĐÐ', 'ddd')), '[^a-z0-9 ]', '', 'g'), ' +', ' ', 'g')), ''), ' '))]) STORED;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "phone_key" text GENERATED ALWAYS AS (case when regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') ~ '^84[0-9]{9}$' then '0' || substr(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), 3) else nullif(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), '') end) STORED;--> statement-breakpoint
ALTER TABLE "participant_merges" ADD CONSTRAINT "participant_merges_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_merges" ADD CONSTRAINT "participant_merges_kept_id_participants_id_fk" FOREIGN KEY ("kept_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_merges" ADD CONSTRAINT "participant_merges_merged_by_users_id_fk" FOREIGN KEY ("merged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_merges" ADD CONSTRAINT "participant_merges_undone_by_users_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "participant_merges_kept_idx" ON "participant_merges" USING btree ("kept_id");--> statement-breakpoint
CREATE INDEX "participant_merges_space_at_idx" ON "participant_merges" USING btree ("space_id","merged_at");--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_merged_into_participants_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "participants_name_key_idx" ON "participants" USING btree ("space_id","name_key") WHERE "participants"."deleted" = false;--> statement-breakpoint
CREATE INDEX "participants_name_variant_key_idx" ON "participants" USING btree ("space_id","name_variant_key") WHERE "participants"."deleted" = false;--> statement-breakpoint
CREATE INDEX "participants_phone_key_idx" ON "participants" USING btree ("space_id","phone_key") WHERE "participants"."deleted" = false and "participants"."phone_key" is not null;--> statement-breakpoint
CREATE INDEX "participants_merged_into_idx" ON "participants" USING btree ("merged_into") WHERE "participants"."merged_into" is not null;