// The A4 attendance sheet as Vietnamese official papers lay it out: the issuing unit under its parent
// on the left, the national motto on the right, the place and date, the title, the session's details,
// numbered rows with an empty signature column (blank rows for people who sign on the day), the totals
// and the signature block.
// Personal data: the sheet goes round the room, so it never prints anyone's ethnicity (sensitive under
// Law 91/2025/QH15); the column is left for each person to fill in if they wish, as the server's sheet
// does (src/domain/schemas/attendance-sheet.ts). Only the session's aggregate counts are printed.
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '#client/i18n.ts';
import { formatDate, formatNumber } from '#client/ui/format.ts';
import { blankRowCount, type PrintSheet } from './print-sheet-data';
import { useProvinceName } from './use-print-sheet';

const upper = (text: string) => text.toLocaleUpperCase('vi-VN');
const communePrefix = /^(xã|phường|đặc khu)\s+/i;

function SheetRows({ data }: { data: PrintSheet }) {
  const { t } = useTranslation('reports');
  const blanks = blankRowCount(data);
  const named = data.sheet.roster;
  return (
    <tbody>
      {named.map((row) => (
        <tr key={row.participantId}>
          <td className="print-sheet__number">{formatNumber(row.number)}</td>
          <td className="print-sheet__name">{row.fullName}</td>
          <td>{t(`print.genders.${row.gender}`)}</td>
          <td className="print-sheet__number">{row.birthYear ?? ''}</td>
          <td />
          <td>{[row.position, row.workplace].filter(Boolean).join(', ')}</td>
          <td />
        </tr>
      ))}
      {Array.from({ length: blanks }, (_, i) => (
        <tr key={`blank-${i}`} className="print-sheet__blank">
          <td className="print-sheet__number">{formatNumber(named.length + i + 1)}</td>
          <td />
          <td />
          <td />
          <td />
          <td />
          <td />
        </tr>
      ))}
    </tbody>
  );
}

export function PrintSheetDocument({ data }: { data: PrintSheet }) {
  const { t } = useTranslation('reports');
  const language = currentLanguage();
  const { sheet, parentUnitName, totals } = data;
  const { session } = sheet;
  const province = useProvinceName(session.provinceCode);
  const place = session.communeName?.replace(communePrefix, '') || province || '…………';
  const [year, month, day] = session.startDate.split('-');
  const dates =
    session.endDate !== session.startDate
      ? `${formatDate(session.startDate)} – ${formatDate(session.endDate)}`
      : formatDate(session.startDate);
  const where = [session.placeName, session.communeName, province].filter(Boolean).join(', ');
  const topics = sheet.topics.map((topic) => (language === 'vi' ? topic.nameVi : topic.nameEn)).join('; ');
  const totalsLine =
    totals.ethnicMinority === null
      ? t('print.totalsNoEthnicity', { people: formatNumber(totals.people), women: formatNumber(totals.women) })
      : t('print.totals', {
          people: formatNumber(totals.people),
          women: formatNumber(totals.women),
          ethnicMinority: formatNumber(totals.ethnicMinority),
        });

  return (
    <article className="print-sheet" aria-labelledby="print-sheet-heading">
      <header className="print-sheet__letterhead">
        <div className="print-sheet__issuer">
          {parentUnitName && <p>{upper(parentUnitName)}</p>}
          <p className="print-sheet__strong">{upper(sheet.unit.name || sheet.unit.shortName)}</p>
          <span className="print-sheet__rule" aria-hidden="true" />
        </div>
        <div className="print-sheet__motto">
          <p className="print-sheet__strong">{t('print.country')}</p>
          <p className="print-sheet__strong print-sheet__underlined">{t('print.motto')}</p>
          <p className="print-sheet__date-line">{t('print.placeDate', { place, day, month, year })}</p>
        </div>
      </header>

      <h2 id="print-sheet-heading" className="print-sheet__heading">
        {t('print.heading')}
      </h2>
      <p className="print-sheet__session-title">{session.title}</p>
      <dl className="print-sheet__details">
        <div>
          <dt>{t('print.format')}</dt>
          <dd>{t(`print.formats.${session.format}`)}</dd>
        </div>
        <div>
          <dt>{t('print.dates')}</dt>
          <dd>{dates}</dd>
        </div>
        {where && (
          <div>
            <dt>{t('print.place')}</dt>
            <dd>{where}</dd>
          </div>
        )}
        {topics && (
          <div>
            <dt>{t('print.topics')}</dt>
            <dd>{topics}</dd>
          </div>
        )}
      </dl>

      <table className="print-sheet__table">
        <thead>
          <tr>
            <th scope="col" className="print-sheet__col-number">
              {t('print.columns.number')}
            </th>
            <th scope="col" className="print-sheet__col-name">
              {t('print.columns.name')}
            </th>
            <th scope="col" className="print-sheet__col-gender">
              {t('print.columns.gender')}
            </th>
            <th scope="col" className="print-sheet__col-year">
              {t('print.columns.birthYear')}
            </th>
            <th scope="col" className="print-sheet__col-ethnicity">
              {t('print.columns.ethnicity')}
            </th>
            <th scope="col" className="print-sheet__col-unit">
              {t('print.columns.unitPosition')}
            </th>
            <th scope="col" className="print-sheet__col-signature">
              {t('print.columns.signature')}
            </th>
          </tr>
        </thead>
        <SheetRows data={data} />
      </table>
      <p className="print-sheet__note">{t('print.ethnicityNote')}</p>
      <p className="print-sheet__totals">{totalsLine}</p>

      <div className="print-sheet__signatures">
        <div>
          <p className="print-sheet__strong">{t('print.organiserSigner')}</p>
          <p className="print-sheet__sign-hint">{t('print.stampHint')}</p>
        </div>
        <div>
          <p className="print-sheet__strong">{t('print.trainerSigner')}</p>
          <p className="print-sheet__sign-hint">{t('print.signHint')}</p>
          {session.trainerName && <p className="print-sheet__signer-name">{session.trainerName}</p>}
        </div>
      </div>
    </article>
  );
}
