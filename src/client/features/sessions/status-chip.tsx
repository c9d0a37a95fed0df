// A session's state as a chip: an icon and a word, never colour alone.
import { useTranslation } from 'react-i18next';
import { AlertIcon, CheckIcon } from '#client/ui/icons.tsx';
import type { DisplayStatus } from './session-groups';

type ChipKind = DisplayStatus | 'attention';

function ChipIcon({ kind }: { kind: ChipKind }) {
  const common = {
    width: 16,
    height: 16,
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 2.2,
    strokeLinecap: 'round' as const,
    strokeLinejoin: 'round' as const,
    'aria-hidden': true,
    focusable: false,
    className: 'icon',
  };
  switch (kind) {
    case 'approved':
      return <CheckIcon size={16} />;
    case 'attention':
      return <AlertIcon size={16} />;
    case 'draft': // a pencil
      return (
        <svg {...common}>
          <path d="M4 20h4L19 9l-4-4L4 16z" />
          <path d="m13.5 6.5 4 4" />
        </svg>
      );
    case 'unsent': // a clock: waiting to be sent
    case 'queuedForReview':
      return (
        <svg {...common}>
          <circle cx="12" cy="12" r="9" />
          <path d="M12 7v5l3 2" />
        </svg>
      );
    case 'submitted': // a paper plane
      return (
        <svg {...common}>
          <path d="M21 3 3 10.5l7 3 3 7z" />
          <path d="m10 13.5 4.5-4.5" />
        </svg>
      );
    case 'returned': // an arrow turning back
      return (
        <svg {...common}>
          <path d="M9 14 4 9l5-5" />
          <path d="M4 9h10a6 6 0 0 1 0 12h-3" />
        </svg>
      );
  }
}

export function StatusChip({ kind }: { kind: ChipKind }) {
  const { t } = useTranslation('sessions');
  return (
    <span className={`status-chip status-chip--${kind}`}>
      <ChipIcon kind={kind} />
      {t(`status.${kind}`)}
    </span>
  );
}
