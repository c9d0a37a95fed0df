// The main navigation: each destination is an icon with its word. NavLink marks the current one
// (aria-current="page"), which the CSS also shows with a bar, not colour alone.
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { NavItem } from './navigation';

export function NavBar({ items, placement }: { items: readonly NavItem[]; placement: 'bottom' | 'side' }) {
  const { t } = useTranslation();
  return (
    <nav className={`nav nav--${placement}`} aria-label={t('nav.label')}>
      <ul className="nav__list">
        {items.map(({ to, labelKey, Icon }) => (
          <li key={to} className="nav__item">
            <NavLink to={to} className="nav__link">
              <Icon size={24} />
              <span className="nav__label">{t(labelKey)}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
