// Every mutation name (src/domain/schemas/sync.ts) with its one rule, and the runner both sides call: parse
// the args with the name's schema, run the rule over a transaction that only collects writes, and hand the
// writes back. The device writes them to Dexie, the server to its in-memory batch; a refusal throws a
// MutationError and writes nothing.
import { mutationArgsSchemas, type MutationArgs, type MutationName } from '../schemas/sync';
import { attendanceDelete, attendancePut } from './attendance';
import { MutationError, refusalFields } from './mutation-error';
import { participantDelete, participantPut } from './participant';
import { personMerge, personUnmerge } from './person';
import { photoDelete, photoPut } from './photo';
import { sessionDelete, sessionPut, sessionReview, sessionSubmit } from './session';
import type { MutationContext, MutationReader, MutationTx, MutationWrite } from './transaction';

export type Mutator<N extends MutationName> = (
  tx: MutationTx,
  ctx: MutationContext,
  args: MutationArgs<N>,
) => Promise<void>;

const mutators: { [N in MutationName]: Mutator<N> } = {
  'session.put': sessionPut,
  'session.submit': sessionSubmit,
  'session.delete': sessionDelete,
  'session.review': sessionReview,
  'participant.put': participantPut,
  'participant.delete': participantDelete,
  'attendance.put': attendancePut,
  'attendance.delete': attendanceDelete,
  'photo.put': photoPut,
  'photo.delete': photoDelete,
  'person.merge': personMerge,
  'person.unmerge': personUnmerge,
};

/** Names are looked up as own properties only: `toString` or `__proto__` is an unknown name. */
export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(mutators, name);
}

/** The args of a named mutation, parsed (ids in lower case, text trimmed), or a refusal naming the fields. */
export function parseMutationArgs<N extends MutationName>(name: N, args: unknown): MutationArgs<N> {
  const parsed = mutationArgsSchemas[name].safeParse(args);
  if (!parsed.success) {
    throw new MutationError('invalid', 'The mutation arguments are not valid', refusalFields(parsed.error));
  }
  return parsed.data as MutationArgs<N>;
}

/** Runs one mutation's rule over `reader`; resolves to the writes it makes, in order. Args must be parsed. */
export async function runMutation<N extends MutationName>(
  reader: MutationReader,
  ctx: MutationContext,
  name: N,
  args: MutationArgs<N>,
): Promise<MutationWrite[]> {
  const writes: MutationWrite[] = [];
  const tx: MutationTx = {
    get: (entity, id) => reader.get(entity, id),
    liveChildren: (entity, sessionId) => reader.liveChildren(entity, sessionId),
    liveAttendanceOf: (participantIds) => reader.liveAttendanceOf(participantIds),
    liveTopicIds: (ids, spaceId) => reader.liveTopicIds(ids, spaceId),
    isUnitWithin: (unitId, ancestorId) => reader.isUnitWithin(unitId, ancestorId),
    put: (entity, row) => writes.push({ entity, op: 'put', row } as MutationWrite),
    remove: (entity, id) => writes.push({ entity, op: 'delete', id }),
  };
  await (mutators[name] as Mutator<MutationName>)(tx, ctx, args);
  return writes;
}
