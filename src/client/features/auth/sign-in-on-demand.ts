// The sign-in page's heavier half, fetched on demand: the request itself (schemas, API client) and the
// mapping of a failure to a sentence. Both start loading as soon as someone touches the form, so on 2G
// they are there by the time the password is typed; the page itself paints without them.
const loadRequest = () => import('#client/app/sign-in-request.ts');
const loadErrors = () => import('#client/ui/error-message.ts');

/** Starts fetching what a sign-in needs; a failure here shows up, handled, when the form is sent. */
export function prepareSignIn(): void {
  loadRequest().catch(() => undefined);
  loadErrors().catch(() => undefined);
}

/** The locale key of the sentence for a failed sign-in. Offline before the code arrived: "no connection". */
export async function signInFailureKey(error: unknown): Promise<string> {
  try {
    const { errorMessageKey } = await loadErrors();
    return errorMessageKey(error);
  } catch {
    return 'common:errors.network';
  }
}
