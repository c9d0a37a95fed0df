import { describe, expect, it } from 'vitest';
import { MAX_PULL_LIMIT, MIN_PULL_LIMIT, PAGE_TARGET_MS, nextPullLimit } from '#client/sync/page-size.ts';

describe('the size of the next pull page', () => {
  it("keeps the server's default while pages fit under the target with a margin", () => {
    expect(PAGE_TARGET_MS).toBe(200);
    expect(nextPullLimit(null, 1000, 155)).toBeNull();
    expect(nextPullLimit(null, 1000, 60)).toBeNull();
  });

  it('shrinks at once after a slow page, to the rows that take about 130 ms', () => {
    // 1,000 rows in 260 ms: 130 ms holds 500 of them.
    expect(nextPullLimit(null, 1000, 260)).toBe(500);
    // 800 rows in 200 ms: 130 ms holds 520, asked as 500.
    expect(nextPullLimit(800, 800, 200)).toBe(500);
  });

  it('halves at most after one slow page, however slow: one slow moment is not the device', () => {
    expect(nextPullLimit(null, 1000, 5000)).toBe(500);
    expect(nextPullLimit(400, 400, 5000)).toBe(200);
  });

  it("goes back to the server's default when even the smallest page is slow: the time is not in its rows", () => {
    expect(nextPullLimit(MIN_PULL_LIMIT, 100, 400)).toBeNull();
  });

  it('keeps its size between the fast and the slow mark, so it does not swing page by page', () => {
    expect(nextPullLimit(400, 400, 120)).toBe(400);
    expect(nextPullLimit(400, 400, 159)).toBe(400);
  });

  it('grows back after a fast page, to twice its size at most and to what still takes about 130 ms', () => {
    expect(nextPullLimit(300, 300, 20)).toBe(600);
    // 400 rows in 78 ms: 666 rows would take 130 ms, asked as 650.
    expect(nextPullLimit(400, 400, 78)).toBe(650);
    expect(nextPullLimit(900, 900, 70)).toBe(MAX_PULL_LIMIT);
  });

  it('never asks for fewer than 100 rows', () => {
    expect(nextPullLimit(150, 150, 60_000)).toBe(MIN_PULL_LIMIT);
  });

  it('learns nothing from a page of fewer than 100 rows, whose fixed costs outweigh its rows', () => {
    expect(nextPullLimit(400, 99, 500)).toBe(400);
    expect(nextPullLimit(null, 3, 200)).toBeNull();
  });

  it('does not grow after a fast page that was short of its size (the end of a pull)', () => {
    expect(nextPullLimit(400, 120, 30)).toBe(400);
  });

  it('asks in steps of 50 rows', () => {
    // 1,000 rows in 190 ms: 684 take 130 ms, asked as 650.
    expect(nextPullLimit(null, 1000, 190)).toBe(650);
  });
});
