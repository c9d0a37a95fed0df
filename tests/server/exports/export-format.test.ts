// The pieces every export is written with: the formula guard, RFC 4180 CSV, and the attachment header.
import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from '#server/exports/content-disposition';
import { toCsv } from '#server/exports/csv';
import { neutraliseFormula } from '#server/exports/formula-guard';

describe('export formatting', () => {
  it('prefixes an apostrophe to text starting with =, +, -, @, tab or carriage return', () => {
    for (const risky of ['=1+1', '+84 912', '-2', '@SUM(A1)', '\tcmd', '\rcmd']) {
      expect(neutraliseFormula(risky)).toBe(`'${risky}`);
    }
  });

  it('leaves ordinary text alone, including signs that are not leading', () => {
    for (const safe of ['Tập huấn', '1-2 ngày', 'a=b', ' =x', '', "'quoted"])
      expect(neutraliseFormula(safe)).toBe(safe);
  });

  it('writes CSV with a BOM, CRLF line ends and RFC 4180 quoting, numbers as they are', () => {
    expect(
      toCsv([
        ['Tên', 'Số'],
        ['Hội thảo, "lớn"', 12],
        ['dòng 1\ndòng 2', null],
        ['=cmd', -3],
      ]),
    ).toBe('\uFEFFTên,Số\r\n"Hội thảo, ""lớn""",12\r\n"dòng 1\ndòng 2",\r\n\'=cmd,-3\r\n');
  });

  it('names an attachment in UTF-8 with an ASCII fallback, escaping what RFC 5987 does not allow', () => {
    expect(attachmentDisposition("Đợt 1 (tháng 3)'s.csv")).toBe(
      'attachment; filename="dot-1-thang-3-s.csv"; filename*=UTF-8\'\'%C4%90%E1%BB%A3t%201%20%28th%C3%A1ng%203%29%27s.csv',
    );
  });
});
