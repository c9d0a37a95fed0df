// Telling "the database is away" (a restart, a failover, a network cut) from every other failure. Those
// errors answer 503 `unavailable` with Retry-After, so a device backs off and tries again instead of
// reading an outage as a bug; they are never the record's fault and never reject a mutation.

/** SQLSTATE classes and codes of a database that is not there (or not accepting work) right now. */
const unavailableStates = new Set(['57P01', '57P02', '57P03', '53300', '53000', '58030']);
/** Socket errors of a connection that went away or could not be made. */
const unavailableSocketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** node-postgres reports a lost or unobtainable connection only in words. */
const unavailableMessages = [
  'Connection terminated',
  'connection terminated',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end on the pool',
];

/** Seconds a client should wait before trying again during an outage. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; depth += 1) {
    const { code, message, syscall } = current as { code?: unknown; message?: unknown; syscall?: unknown };
    // A Unix socket that is not there (the server is stopped); any other missing file is not an outage.
    if (code === 'ENOENT' && syscall === 'connect') return true;
    if (typeof code === 'string') {
      if (code.startsWith('08') && code.length === 5) return true;
      if (unavailableStates.has(code) || unavailableSocketCodes.has(code)) return true;
    }
    if (typeof message === 'string' && unavailableMessages.some((text) => message.includes(text))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
