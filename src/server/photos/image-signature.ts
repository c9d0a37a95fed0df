// The first bytes of each accepted image type: an upload must be what its Content-Type says, so HTML or
// a script sent as image/jpeg is never stored and served back as an image.
import type { z } from 'zod';
import type { photoMimeSchema } from '#domain/schemas/photo';

type PhotoMime = z.infer<typeof photoMimeSchema>;

const signatures: Record<PhotoMime, (bytes: Uint8Array) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => b[i] === byte),
  'image/webp': (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
};

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

export function looksLike(mime: PhotoMime, bytes: Uint8Array): boolean {
  return signatures[mime](bytes);
}
