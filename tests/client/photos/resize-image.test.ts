import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_BYTES, MAX_SIDE, encodeWithinBudget, fitWithin, sha256Hex } from '#client/features/photos/resize-image.ts';

describe('fitting a photo within the size limit', () => {
  it('caps the longest side at 1600 px and keeps the aspect ratio of a landscape photo', () => {
    expect(fitWithin({ width: 4000, height: 3000 }, MAX_SIDE)).toEqual({ width: 1600, height: 1200 });
  });

  it('caps a portrait photo by its height', () => {
    expect(fitWithin({ width: 3024, height: 4032 }, MAX_SIDE)).toEqual({ width: 1200, height: 1600 });
  });

  it('never enlarges a small picture', () => {
    expect(fitWithin({ width: 800, height: 600 }, MAX_SIDE)).toEqual({ width: 800, height: 600 });
  });

  it('keeps any size within the cap and its aspect ratio within rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20000 }), fc.integer({ min: 1, max: 20000 }), (width, height) => {
        const fitted = fitWithin({ width, height }, MAX_SIDE);
        expect(Math.max(fitted.width, fitted.height)).toBeLessThanOrEqual(MAX_SIDE);
        expect(fitted.width).toBeGreaterThanOrEqual(1);
        expect(fitted.height).toBeGreaterThanOrEqual(1);
        if (Math.max(width, height) > MAX_SIDE) expect(Math.max(fitted.width, fitted.height)).toBe(MAX_SIDE);
        // Each side is the original times one scale, rounded to a whole pixel (and at least 1 px).
        const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
        expect(Math.abs(fitted.width - Math.max(1, width * scale))).toBeLessThanOrEqual(0.5);
        expect(Math.abs(fitted.height - Math.max(1, height * scale))).toBeLessThanOrEqual(0.5);
      }),
    );
  });

  it('refuses a size that is not an image', () => {
    expect(() => fitWithin({ width: 0, height: 10 }, MAX_SIDE)).toThrow(RangeError);
  });
});

describe('encoding within the byte budget', () => {
  const encoderOf = (sizes: Record<number, number>, tried: number[]) => async (quality: number) => {
    tried.push(quality);
    return new Blob([new Uint8Array(sizes[quality] ?? 0)], { type: 'image/jpeg' });
  };

  it('lowers the quality step by step and keeps the first encoding under 300 KB', async () => {
    const tried: number[] = [];
    const encode = encoderOf({ 0.9: 500_000, 0.8: 350_000, 0.7: 290_000, 0.6: 200_000 }, tried);

    const result = await encodeWithinBudget(encode, MAX_BYTES, [0.9, 0.8, 0.7, 0.6]);

    expect(result?.quality).toBe(0.7);
    expect(result?.blob.size).toBe(290_000);
    expect(tried).toEqual([0.9, 0.8, 0.7]);
  });

  it('answers null when even the lowest quality is too big, so the caller shrinks the image', async () => {
    const result = await encodeWithinBudget(encoderOf({ 0.9: 400_000, 0.5: 310_000 }, []), MAX_BYTES, [0.9, 0.5]);
    expect(result).toBeNull();
  });
});

describe('the photo hash', () => {
  it('is the SHA-256 of the bytes in lowercase hex', async () => {
    const bytes = new TextEncoder().encode('abc');
    expect(await sha256Hex(bytes.buffer)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
