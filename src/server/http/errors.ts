// Errors are data (DESIGN §6): throw an HttpError anywhere in a handler and the app answers
// `{ error: { code, message, fields? } }` with its status.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode, FieldErrors } from '../../domain/schemas/error';

export class HttpError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: ErrorCode;
  readonly fields: FieldErrors | undefined;

  constructor(status: ContentfulStatusCode, code: ErrorCode, message: string, fields?: FieldErrors) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  toBody(): ErrorBody {
    return errorBody(this.code, this.message, this.fields);
  }
}

/** The JSON body of an error answered directly, without throwing. */
export function errorBody(code: ErrorCode, message: string, fields?: FieldErrors): ErrorBody {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}
