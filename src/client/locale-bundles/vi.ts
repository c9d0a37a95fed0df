// Every Vietnamese namespace, as one chunk loaded after sign-in (common and auth are already in the
// first download; the bundler shares them). One request instead of one per namespace on a slow link.
export const translations = import.meta.glob<Record<string, unknown>>('/locales/vi/*.json', {
  eager: true,
  import: 'default',
});
