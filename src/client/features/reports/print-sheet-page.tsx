// A printable A4 attendance sheet for one session (/sessions/:id/print): the document, and an "In"
// button that opens the browser's print dialog. print-sheet.css removes the app's chrome on paper.
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Banner } from '#client/ui/banner.tsx';
import { Button } from '#client/ui/button.tsx';
import { EmptyState } from '#client/ui/empty-state.tsx';
import { ReportsIcon } from '#client/ui/icons.tsx';
import { Loading } from '#client/ui/loading.tsx';
import { Page } from '#client/ui/page.tsx';
import { PrintSheetDocument } from './print-sheet-document';
import { usePrintSheet } from './use-print-sheet';
import './print-sheet.css';

export function PrintSheetPage() {
  const { t } = useTranslation('reports');
  const { id = '' } = useParams();
  const state = usePrintSheet(id);
  const ready = state.status === 'ready';
  return (
    <Page
      title={t('print.title')}
      back={`/review/${id}`}
      wide
      actions={
        ready && (
          <Button variant="primary" icon={<ReportsIcon />} onClick={() => window.print()}>
            {t('print.print')}
          </Button>
        )
      }
    >
      {state.status === 'loading' && <Loading />}
      {state.status === 'not-found' && (
        <EmptyState title={t('print.notFound')}>
          <p>{t('print.notFoundHint')}</p>
        </EmptyState>
      )}
      {state.status === 'error' && <Banner tone="danger">{t(state.errorKey)}</Banner>}
      {ready && (
        <>
          <p className="print-sheet-hint">{t('print.hint')}</p>
          <div className="print-sheet-paper">
            <PrintSheetDocument data={state.sheet} />
          </div>
        </>
      )}
    </Page>
  );
}
