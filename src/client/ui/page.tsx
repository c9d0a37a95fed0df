// The frame of one screen: its title as the page's single h1, an optional back link, and the content.
// `wide` lets organiser screens use a desktop's width; trainer screens stay phone-width.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BackIcon } from './icons';
import { usePageTitle } from './use-page-title';
import './page.css';

export interface PageProps {
  title: string;
  /** Where the back link goes; no link when absent. */
  back?: string;
  actions?: ReactNode;
  wide?: boolean;
  children?: ReactNode;
}

export function Page({ title, back, actions, wide, children }: PageProps) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <div className={wide ? 'page page--wide' : 'page'}>
      <header className="page__header">
        {back && (
          <Link className="page__back" to={back}>
            <BackIcon />
            {t('actions.back')}
          </Link>
        )}
        <div className="page__title-row">
          <h1 className="page__title">{title}</h1>
          {actions && <div className="page__actions">{actions}</div>}
        </div>
      </header>
      {children}
    </div>
  );
}
