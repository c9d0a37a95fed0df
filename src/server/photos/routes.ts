// /api/photos/:id (docs/sync.md, docs/api.md). PUT: the raw image bytes (image/jpeg, image/png or image/webp, at most
// 2 MB, starting with its type's signature) of a photo whose metadata photo.put has applied; before that,
// 404 `not_found`, which the client retries at its next sync. 200 `{ id, bytes, sha256 }` for the first
// upload and for any repeat of it.
// GET: the image with its type, cached privately for good (an id's bytes never change).
import { Hono } from 'hono';
import { idSchema } from '#domain/schemas/common';
import { MAX_PHOTO_BYTES, photoMimeSchema } from '#domain/schemas/photo';
import { requireUser } from '../auth/require-user';
import type { AppDeps, AppEnv } from '../http/app-env';
import { HttpError } from '../http/errors';
import { looksLike } from './image-signature';
import { readPhoto, storePhoto } from './photo-store';

function photoId(raw: string): string {
  const parsed = idSchema.safeParse(raw);
  if (!parsed.success) throw new HttpError(404, 'not_found', 'No such photo');
  return parsed.data.toLowerCase();
}

export function createPhotoRoutes({ db, clock }: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.put('/:id', requireUser(), async (c) => {
    const id = photoId(c.req.param('id'));
    const mime = photoMimeSchema.safeParse((c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase());
    if (!mime.success) {
      throw new HttpError(415, 'invalid', 'Send image/jpeg, image/png or image/webp', { mime: 'unsupported' });
    }
    const encoding = (c.req.header('Content-Encoding') ?? 'identity').trim().toLowerCase();
    if (encoding !== 'identity') throw new HttpError(400, 'invalid', 'Images are sent as they are, not encoded');
    const data = new Uint8Array(await c.req.arrayBuffer());
    if (data.byteLength > MAX_PHOTO_BYTES) {
      throw new HttpError(413, 'too_large', `An image is at most ${MAX_PHOTO_BYTES} bytes`);
    }
    if (data.byteLength === 0) throw new HttpError(400, 'checksum_mismatch', 'The image is empty');
    if (!looksLike(mime.data, data)) {
      throw new HttpError(400, 'invalid', `The bytes are not a ${mime.data} image`, { mime: 'mismatch' });
    }
    return c.json(await storePhoto(db, c.get('user'), { id, mime: mime.data, data }, clock.now()));
  });

  routes.get('/:id', requireUser(), async (c) => {
    const image = await readPhoto(db, c.get('user'), photoId(c.req.param('id')));
    const headers = {
      'Content-Type': image.mime,
      'Cache-Control': 'private, max-age=31536000, immutable',
      ETag: `"${image.sha256}"`,
    };
    if (c.req.header('If-None-Match') === headers.ETag) return c.body(null, 304, headers);
    return c.body(new Uint8Array(image.data), 200, headers);
  });

  return routes;
}
