import { describe, expect, it } from 'vitest';
import { checkSubmitReadiness, isReadyToSubmit, type ReadinessSession } from '#domain/rules/completeness';

const complete: ReadinessSession = {
  title: 'Tập huấn Luật Bình đẳng giới',
  topicIds: ['0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'],
  placeName: 'Hội trường UBND xã',
  communeCode: '17254',
  startDate: '2026-03-08',
  endDate: '2026-03-09',
  attendanceMode: 'roster',
  headcount: null,
};

const check = (session: Partial<ReadinessSession>, attendanceCount = 12, photoCount = 2) =>
  checkSubmitReadiness({ session: { ...complete, ...session }, attendanceCount, photoCount });

describe('checkSubmitReadiness', () => {
  it('finds nothing missing in a complete session with a photo', () => {
    const readiness = check({});
    expect(readiness).toEqual({ missing: [], warnings: [] });
    expect(isReadyToSubmit(readiness)).toBe(true);
  });

  it('asks for a title that is more than spaces, and at least one topic', () => {
    expect(check({ title: '   ', topicIds: [] }).missing).toEqual(['title', 'topics']);
  });

  it('accepts either a place name or a commune as the place', () => {
    expect(check({ placeName: '', communeCode: null }).missing).toEqual(['place']);
    expect(check({ placeName: '', communeCode: '17254' }).missing).toEqual([]);
    expect(check({ placeName: 'Nhà văn hoá bản Khe Choang', communeCode: undefined }).missing).toEqual([]);
  });

  it('asks for attendance in a roster session with nobody on it', () => {
    const readiness = check({}, 0);
    expect(readiness.missing).toEqual(['attendance']);
    expect(isReadyToSubmit(readiness)).toBe(false);
  });

  it('asks for a headcount with a total above zero in headcount mode, whatever the roster holds', () => {
    expect(check({ attendanceMode: 'headcount', headcount: null }, 5).missing).toEqual(['attendance']);
    expect(
      check({ attendanceMode: 'headcount', headcount: { total: 0, women: 0, ethnicMinority: 0 } }).missing,
    ).toEqual(['attendance']);
    expect(
      check({ attendanceMode: 'headcount', headcount: { total: 40, women: 25, ethnicMinority: 30 } }, 0).missing,
    ).toEqual([]);
  });

  it('refuses an end date before the start date and accepts a one-day session', () => {
    expect(check({ startDate: '2026-03-09', endDate: '2026-03-08' }).missing).toEqual(['dates']);
    expect(check({ startDate: '2026-03-09', endDate: '2026-03-09' }).missing).toEqual([]);
  });

  it('warns, without blocking, when there is no photo', () => {
    const readiness = check({}, 12, 0);
    expect(readiness).toEqual({ missing: [], warnings: ['photo'] });
    expect(isReadyToSubmit(readiness)).toBe(true);
  });
});
