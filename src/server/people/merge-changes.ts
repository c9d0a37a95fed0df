// What one merge changed (participant_merges.changes), enough for its undo to restore the records as they
// were. Stored as JSON; read back through this schema so an old or damaged entry fails clearly.
import { z } from 'zod';
import { idSchema } from '#domain/schemas/common';
import { consentMethodSchema, ethnicityCodeSchema } from '#domain/schemas/participant';

const days = z.array(z.number().int()).nullable();

export const mergeChangesSchema = z.object({
  /** Attendance rows that named a merged record and now name the kept person. */
  moved: z.array(z.object({ id: idSchema, from: idSchema })),
  /** Rows made tombstones because their session already had a row of the person; `into` got their days. */
  joined: z.array(z.object({ id: idSchema, from: idSchema, into: idSchema })),
  /** Days of the rows that were joined into, before. */
  daysBefore: z.array(z.object({ id: idSchema, days })),
  /** Tombstones of earlier merges that pointed at a merged record and now point at the kept person. */
  repointed: z.array(z.object({ id: idSchema, from: idSchema })),
  /** The kept record's fields the merge set, before. */
  kept: z.object({
    consentMethod: consentMethodSchema,
    consentAt: z.string(),
    ethnicity: ethnicityCodeSchema.nullable(),
  }),
});
export type MergeChanges = z.infer<typeof mergeChangesSchema>;
