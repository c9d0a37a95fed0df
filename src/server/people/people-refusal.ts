// Why a merge or an undo is refused, with the HTTP status its route answers. Kept apart from HttpError so the
// same merge code can run behind an endpoint or as a synced mutation, each turning it into its own error.
import type { ErrorCode, FieldErrors } from '#domain/schemas/error';

export class PeopleRefusal extends Error {
  readonly status: 400 | 403 | 404 | 409;
  readonly code: ErrorCode;
  readonly fields: FieldErrors | undefined;

  constructor(status: PeopleRefusal['status'], code: ErrorCode, message: string, fields?: FieldErrors) {
    super(message);
    this.name = 'PeopleRefusal';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}
