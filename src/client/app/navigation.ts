// Which destinations each role sees, and where each role lands. Trainers get a bottom bar (phone,
// thumb reach); organisers and admins a side or top bar (tablet, desktop).
import type { ComponentType } from 'react';
import type { Role } from '#domain/schemas/auth';
import {
  AdminIcon,
  DashboardIcon,
  ParticipantsIcon,
  PlansIcon,
  ReportsIcon,
  ReviewIcon,
  SessionsIcon,
  SettingsIcon,
  SyncIcon,
} from '../ui/icons';

export interface NavItem {
  to: string;
  /** A key in the common namespace (or `namespace:key` for a feature's own). */
  labelKey: string;
  Icon: ComponentType<{ size?: number }>;
}

export const organiserRoles: readonly Role[] = ['organiser', 'admin'];

export function homePathFor(role: Role): string {
  return role === 'trainer' ? '/sessions' : '/review';
}

export function usesBottomNav(role: Role): boolean {
  return role === 'trainer';
}

const trainerItems: NavItem[] = [
  { to: '/sessions', labelKey: 'nav.sessions', Icon: SessionsIcon },
  { to: '/participants', labelKey: 'nav.participants', Icon: ParticipantsIcon },
  { to: '/sync', labelKey: 'nav.sync', Icon: SyncIcon },
  { to: '/settings', labelKey: 'nav.settings', Icon: SettingsIcon },
];

const organiserItems: NavItem[] = [
  { to: '/review', labelKey: 'nav.review', Icon: ReviewIcon },
  { to: '/dashboard', labelKey: 'nav.dashboard', Icon: DashboardIcon },
  { to: '/reports', labelKey: 'nav.reports', Icon: ReportsIcon },
  { to: '/plans', labelKey: 'nav.plans', Icon: PlansIcon },
  { to: '/people/duplicates', labelKey: 'people:nav', Icon: ParticipantsIcon },
];

const adminItem: NavItem = { to: '/admin', labelKey: 'nav.admin', Icon: AdminIcon };
const settingsItem: NavItem = { to: '/settings', labelKey: 'nav.settings', Icon: SettingsIcon };

export function navItemsFor(role: Role): NavItem[] {
  if (role === 'trainer') return trainerItems;
  return [...organiserItems, adminItem, settingsItem];
}
