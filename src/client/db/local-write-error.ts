// A local write the server would refuse is refused on the device first, with the server's error codes,
// so the UI maps both to the same translated sentence.
import type { FieldErrors } from '../../domain/schemas/error';

export type LocalWriteErrorCode =
  | 'invalid'
  | 'not_found'
  | 'session_locked'
  | 'invalid_transition'
  | 'duplicate_attendance'
  | 'incomplete';

export class LocalWriteError extends Error {
  readonly code: LocalWriteErrorCode;
  readonly fields: FieldErrors | undefined;
  constructor(code: LocalWriteErrorCode, fields?: FieldErrors) {
    super(fields ? `${code}: ${Object.keys(fields).join(', ')}` : code);
    this.name = 'LocalWriteError';
    this.code = code;
    this.fields = fields;
  }
}
