import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '#client/i18n.ts';
import { EthnicityPicker } from '#client/ui/participant-form/ethnicity-picker.tsx';
import type { EthnicityCode } from '#domain/schemas/participant';

const chosen: Array<EthnicityCode> = [];

function Harness() {
  const [value, setValue] = useState<EthnicityCode>('');
  return (
    <EthnicityPicker
      value={value}
      onChange={(next) => {
        chosen.push(next);
        setValue(next);
      }}
    />
  );
}

function type(text: string) {
  fireEvent.change(screen.getByRole('searchbox', { name: 'Tìm dân tộc' }), { target: { value: text } });
}

function offered(): string[] {
  const results = screen.getByRole('list', { name: 'Dân tộc khớp với tên đã gõ' });
  return within(results)
    .getAllByRole('button')
    .map((button) => button.getAttribute('aria-label') ?? button.textContent ?? '');
}

describe('the ethnicity picker', () => {
  beforeEach(async () => {
    chosen.length = 0;
    await setLanguage('vi');
    render(<Harness />);
  });
  afterEach(cleanup);

  for (const spelling of ['hmong', "H'Mông", 'HMông', 'Mèo']) {
    it(`offers Mông for "${spelling}"`, async () => {
      type(spelling);
      expect(await screen.findByRole('button', { name: /^Mông/ })).toBeTruthy();
      expect(offered()[0]).toMatch(/^Mông/);
    });
  }

  it('offers every group called "Thổ" for "tho", says why, and chooses none of them', async () => {
    type('tho');

    await screen.findByRole('button', { name: 'Thổ' });
    expect(offered()).toEqual(expect.arrayContaining(['Thổ', 'Tày, còn gọi là Thổ', 'Khmer, còn gọi là Thổ']));
    expect(screen.getByRole('note').textContent).toBe(
      '“Thổ” là tên gọi của nhiều dân tộc. Hãy hỏi lại người tham dự rồi chọn đúng dân tộc.',
    );
    expect(chosen).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Tày, còn gọi là Thổ' }));
    expect(chosen).toEqual(['02']);
    expect(screen.getByRole('button', { name: 'Đổi dân tộc (đang chọn: Tày)' })).toBeTruthy();
  });

  it('always offers "prefers not to say" and "foreigner"', () => {
    fireEvent.click(screen.getByRole('button', { name: 'Không muốn trả lời' }));
    expect(chosen).toEqual(['undisclosed']);

    fireEvent.click(screen.getByRole('button', { name: 'Đổi dân tộc (đang chọn: Không muốn trả lời)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Người nước ngoài' }));
    expect(chosen).toEqual(['undisclosed', 'foreign']);
  });

  it('says so when no group has the name typed', async () => {
    type('xyzabc');
    expect(await screen.findByText('Không tìm thấy dân tộc “xyzabc”. Hãy thử cách viết khác.')).toBeTruthy();
  });
});
