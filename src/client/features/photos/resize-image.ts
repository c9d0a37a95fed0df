// Photos are shrunk on the phone before they are stored or sent (a 2G link, 2 MB per upload): the
// longest side at most 1600 px and the file at most 300 KB, as JPEG, lowering the quality step by
// step and, if that is not enough, the size. The pure parts (sizes, the quality search, the hash)
// are separate from the canvas work so they can be tested without a browser.

export const MAX_SIDE = 1600;
export const MAX_BYTES = 300 * 1024;
export const QUALITY_STEPS: readonly number[] = [0.85, 0.78, 0.7, 0.62, 0.54, 0.46, 0.38];
/** Each further attempt when even the lowest quality is too big shrinks the image by this factor. */
const SHRINK = 0.8;
const MIN_SIDE = 320;

export interface Size {
  width: number;
  height: number;
}

/** The size that fits within `maxSide` on its longest side, keeping the aspect ratio; never enlarges. */
export function fitWithin({ width, height }: Size, maxSide: number): Size {
  if (width <= 0 || height <= 0) throw new RangeError(`not an image size: ${width}×${height}`);
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/**
 * The first encoding, from the highest quality down, that fits in `maxBytes`; `null` when even the
 * lowest does not. `encode` makes the image at a quality (0–1).
 */
export async function encodeWithinBudget(
  encode: (quality: number) => Promise<Blob>,
  maxBytes: number,
  steps: readonly number[] = QUALITY_STEPS,
): Promise<{ blob: Blob; quality: number } | null> {
  for (const quality of steps) {
    const blob = await encode(quality);
    if (blob.size <= maxBytes) return { blob, quality };
  }
  return null;
}

/** The SHA-256 of the bytes as 64 lowercase hex digits (what the server verifies uploads against). */
export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface ResizedImage extends Size {
  mime: 'image/jpeg';
  bytes: ArrayBuffer;
  sha256: string;
}

export class UnreadableImageError extends Error {
  constructor(cause?: unknown) {
    super('The file could not be read as an image', { cause });
    this.name = 'UnreadableImageError';
  }
}

/** Decodes the picked file, shrinks and re-encodes it as JPEG within the limits, and hashes it. */
export async function resizeImage(file: Blob, maxSide = MAX_SIDE, maxBytes = MAX_BYTES): Promise<ResizedImage> {
  const source = await decode(file);
  try {
    let side = maxSide;
    for (;;) {
      const size = fitWithin(source, side);
      const canvas = draw(source.image, size);
      const fitted = await encodeWithinBudget((quality) => toJpeg(canvas, quality), maxBytes);
      if (fitted) {
        const bytes = await fitted.blob.arrayBuffer();
        return { mime: 'image/jpeg', bytes, sha256: await sha256Hex(bytes), ...size };
      }
      if (Math.max(size.width, size.height) <= MIN_SIDE) throw new RangeError('image cannot be made small enough');
      side = Math.round(Math.max(size.width, size.height) * SHRINK);
    }
  } finally {
    source.release();
  }
}

interface Decoded extends Size {
  image: CanvasImageSource;
  release: () => void;
}

async function decode(file: Blob): Promise<Decoded> {
  try {
    // 'from-image' applies the EXIF rotation phones write instead of turning the pixels.
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    return { image: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() };
  } catch {
    return decodeWithImageElement(file); // older Safari: no createImageBitmap for Blobs
  }
}

async function decodeWithImageElement(file: Blob): Promise<Decoded> {
  const url = URL.createObjectURL(file);
  const image = new Image();
  try {
    image.src = url;
    await image.decode();
  } catch (error) {
    URL.revokeObjectURL(url);
    throw new UnreadableImageError(error);
  }
  if (!image.naturalWidth || !image.naturalHeight) {
    URL.revokeObjectURL(url);
    throw new UnreadableImageError();
  }
  return { image, width: image.naturalWidth, height: image.naturalHeight, release: () => URL.revokeObjectURL(url) };
}

function draw(image: CanvasImageSource, { width, height }: Size): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  // JPEG has no transparency: a transparent PNG gets white, not black.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, 0, 0, width, height);
  return canvas;
}

function toJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('JPEG encoding failed'))), 'image/jpeg', quality);
  });
}
