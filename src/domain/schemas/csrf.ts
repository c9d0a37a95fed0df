// The header every mutating API request carries (docs/api.md, "Requests"): a cross-site form cannot set
// it, so the server refuses a POST without it (403 `csrf`). One definition for the client and the server.
export const CSRF_HEADER_NAME = 'X-Requested-With';
export const CSRF_HEADER_VALUE = 'training-logbook';
export const csrfHeaders = { [CSRF_HEADER_NAME]: CSRF_HEADER_VALUE } as const;
