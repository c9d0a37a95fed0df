// Every mutation name (src/domain/schemas/sync.ts) with its server mutator. Names are looked up as own
// properties only, so `toString` or `__proto__` is an unknown name, not a function of Object.prototype.
import type { MutationArgs, MutationName } from '../../../domain/schemas/sync';
import { attendanceDelete, attendancePut } from './attendance';
import type { Mutator } from './kit';
import { participantDelete, participantPut } from './participant';
import { photoDelete, photoPut } from './photo';
import { sessionDelete, sessionPut, sessionSubmit } from './session';
import { sessionReview } from './session-review';

const mutators: { [N in MutationName]: Mutator<MutationArgs<N>> } = {
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
};

export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(mutators, name);
}

export function mutatorFor(name: MutationName): Mutator<unknown> {
  return mutators[name] as Mutator<unknown>;
}
