// Every English namespace, as one chunk loaded when English is chosen or remembered.
export const translations = import.meta.glob<Record<string, unknown>>('/locales/en/*.json', {
  eager: true,
  import: 'default',
});
