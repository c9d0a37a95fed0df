// Evidence photos: metadata syncs as a mutation; the image bytes upload separately, verified by sha256.
import { z } from 'zod';
import { idSchema, instantSchema, shortTextSchema } from './common';

export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
export const photoMimeSchema = z.enum(['image/jpeg', 'image/png', 'image/webp']);

const photoFields = {
  sessionId: idSchema,
  mime: photoMimeSchema,
  bytes: z.number().int().positive().max(MAX_PHOTO_BYTES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  width: z.number().int().positive().max(20000),
  height: z.number().int().positive().max(20000),
  caption: shortTextSchema.nullish(),
  takenAt: instantSchema.nullish(),
};

export const photoSchema = z.object({ id: idSchema, ...photoFields });
export type Photo = z.infer<typeof photoSchema>;

/** `photo.put`: metadata of a new photo, or a caption change of an existing one. */
export const photoPutArgsSchema = z
  .object({ id: idSchema })
  .extend(
    Object.fromEntries(Object.entries(photoFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof photoFields]: z.ZodOptional<(typeof photoFields)[K]>;
    },
  )
  .strict();
export type PhotoPutArgs = z.infer<typeof photoPutArgsSchema>;
