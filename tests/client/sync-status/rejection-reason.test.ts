import { afterEach, describe, expect, it } from 'vitest';
import { i18n, setLanguage } from '#client/i18n.ts';
import { rejectionReason, syncErrorSentence } from '#client/features/sync-status/rejection-reason.ts';

const t = i18n.t.bind(i18n);

describe('the reason for a refused change', () => {
  afterEach(() => setLanguage('vi'));

  it('names translated fields and drops the ones it cannot name', () => {
    const reason = rejectionReason(t, {
      code: 'invalid',
      message: 'x',
      fields: { 'topicIds.3': 'invalid_string', mystery: 'bad' },
    });
    expect(reason).toBe('Thông tin chưa hợp lệ ở: Chủ đề. Hãy bấm “Sửa” để sửa lại.');
  });

  it('falls back to the common sentence when no field can be named', () => {
    expect(rejectionReason(t, { code: 'invalid', message: 'x', fields: { mystery: 'bad' } })).toBe(
      t('common:errors.invalid'),
    );
  });

  it('says which field cannot change once made', () => {
    const reason = rejectionReason(t, { code: 'invalid', message: 'x', fields: { sessionId: 'immutable' } });
    expect(reason).toBe('Buổi tập huấn không đổi được sau khi đã tạo.');
  });

  it('says why a merge of people was refused as the duplicates page does', () => {
    const ethnicity = { code: 'conflict', message: 'x', fields: { ethnicity: 'differs_across_units' } };
    expect(rejectionReason(t, ethnicity)).toBe(t('people:errors.ethnicityDiffers'));
    expect(rejectionReason(t, ethnicity)).toContain('dân tộc khác nhau');
    const later = { code: 'conflict', message: 'x', fields: { mergeId: '0190a1b2-0000-7000-8000-000000000001' } };
    expect(rejectionReason(t, later)).toBe(t('people:errors.undoLaterFirst'));
    expect(rejectionReason(t, { code: 'conflict', message: 'x', fields: { mergeId: 'undone' } })).toBe(
      t('people:errors.alreadyUndone'),
    );
  });

  it('uses the common sentence for other known codes and a plain one for unknown codes', () => {
    expect(rejectionReason(t, { code: 'not_found', message: 'x' })).toBe(t('common:errors.not_found'));
    expect(rejectionReason(t, { code: 'teapot', message: 'x' })).toBe(t('common:errors.unknown'));
    expect(rejectionReason(t, undefined)).toBe(t('common:errors.unknown'));
  });

  it('lists missing items with the language’s own conjunction', async () => {
    await setLanguage('en');
    const reason = rejectionReason(t, {
      code: 'incomplete',
      message: 'x',
      fields: { title: 'missing', place: 'missing', attendance: 'missing' },
    });
    expect(reason).toBe('The session is missing a title, a place and participants. Add them, then submit it again.');
  });

  it('explains a failed sync run, with or without a server answer', () => {
    expect(syncErrorSentence(t, 'network_error')).toBe(t('common:errors.network'));
    expect(syncErrorSentence(t, 'unavailable')).toBe(t('common:errors.unavailable'));
    expect(syncErrorSentence(t, 'internal_weird')).toBe(t('common:errors.unknown'));
  });
});
