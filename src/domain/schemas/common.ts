// Building blocks shared by every record and request schema.
import { z } from 'zod';

/** Ids are compared as text on the device and as uuid on the server: both see them in lower case. */
export const idSchema = z.uuid().toLowerCase();
export type Id = z.infer<typeof idSchema>;

/** A calendar date, `YYYY-MM-DD`, with no time zone. */
export const dateSchema = z.iso.date();

/** An instant, ISO 8601 in UTC; set by the server, or kept as `clientAt` from the device. */
export const instantSchema = z.iso.datetime({ offset: true });

export const shortTextSchema = z.string().trim().max(200);
export const longTextSchema = z.string().trim().max(4000);

/** Fields the server adds to every synced row. */
export const syncedMetaSchema = z.object({
  version: z.number().int().nonnegative(),
  deleted: z.boolean(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type SyncedMeta = z.infer<typeof syncedMetaSchema>;
