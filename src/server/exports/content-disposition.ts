// `Content-Disposition: attachment` with a Vietnamese file name: an ASCII fallback for old clients, and the
// real name as RFC 6266 / RFC 5987 `filename*=UTF-8''…`, percent-encoded beyond RFC 5987's attr-chars.
import { foldDiacritics } from '#domain/rules/normalise';

export function attachmentDisposition(fileName: string): string {
  const ascii = foldDiacritics(fileName)
    .replace(/[^a-z0-9._]+/g, '-')
    .replace(/-+/g, '-');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*!]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
