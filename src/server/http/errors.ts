// Errors are data (docs/api.md): throw an HttpError anywhere in a handler and the app answers
// `{ error: { code, message, fields? } }` with its status.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode, FieldErrors } from '#domain/schemas/error';

export class HttpError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: ErrorCode;
  readonly fields: FieldErrors | undefined;
  /** Sent as Retry-After (a 429 or 503 says when to come back). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    status: ContentfulStatusCode,
    code: ErrorCode,
    message: string,
    fields?: FieldErrors,
    retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  toBody(): ErrorBody {
    return errorBody(this.code, this.message, this.fields);
  }
}

/** The JSON body of an error answered directly, without throwing. */
export function errorBody(code: ErrorCode, message: string, fields?: FieldErrors): ErrorBody {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}
