// The roster as a virtualised list over the page's own scroll (no nested scroll box on a phone):
// only the rows on screen, plus a few, are in the DOM, so 500 people scroll and update like 20.
// Rows have a fixed height in rem (names and details are one line each, day toggles one scrolling
// line), so nothing is measured while scrolling and the rows follow the reader's font size.
// Screen readers still hear the whole size (aria-setsize / aria-posinset on each item).
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { RosterRow } from './roster-row';
import type { RosterEntry } from './use-roster';

/** Row heights in rem; roster.css sets the same on .roster-row. */
const ROW_REM = 4.75;
const MULTI_DAY_ROW_REM = 8;

export interface RosterListProps {
  entries: readonly RosterEntry[];
  label: string;
  dates: readonly string[];
  readOnly: boolean;
  onRemove: (attendanceId: string) => void;
  onToggleDay: (attendanceId: string, day: number) => void;
}

export function RosterList({ entries, label, dates, readOnly, onRemove, onToggleDay }: RosterListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const scrollMargin = useDocumentTop(listRef);
  const [remPx] = useState(rootFontSize);
  const multiDay = dates.length > 1;
  const rowPx = Math.round((multiDay ? MULTI_DAY_ROW_REM : ROW_REM) * remPx);
  const getItemKey = useCallback((index: number) => entries[index]?.attendance.id ?? index, [entries]);
  const estimateSize = useCallback(() => rowPx, [rowPx]);
  // Scrolling re-renders in React's own time, not synchronously inside every scroll event: at CPU 4× the
  // forced renders made scroll frames into long tasks (BENCHMARKS.md); overscan covers the frame between.
  const virtualizer = useWindowVirtualizer({
    count: entries.length,
    estimateSize,
    overscan: 8,
    scrollMargin,
    getItemKey,
    useFlushSync: false,
  });
  return (
    <ul
      ref={listRef}
      role="list"
      className={multiDay ? 'roster-list roster-list--multi-day' : 'roster-list'}
      aria-label={label}
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const entry = entries[item.index];
        if (!entry) return null;
        const { attendance, participant } = entry;
        return (
          <li
            key={item.key}
            className="roster-list__item"
            aria-setsize={entries.length}
            aria-posinset={item.index + 1}
            style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
          >
            <RosterRow
              attendanceId={attendance.id}
              name={participant?.fullName}
              gender={participant?.gender}
              ethnicity={participant?.ethnicity}
              birthYear={participant?.birthYear}
              daysKey={attendance.days?.join(',') ?? ''}
              dates={multiDay ? dates : noDates}
              rejected={attendance.rejected || Boolean(participant?.rejected)}
              readOnly={readOnly}
              onRemove={onRemove}
              onToggleDay={onToggleDay}
            />
          </li>
        );
      })}
    </ul>
  );
}

const noDates: readonly string[] = [];

function rootFontSize(): number {
  return Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/**
 * The list's offset from the top of the document (the virtualiser's scroll margin), measured on
 * mount and whenever the document's size changes (a banner above it appears, the window turns).
 */
function useDocumentTop(ref: RefObject<HTMLElement | null>): number {
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const measure = () => {
      const element = ref.current;
      if (element) setTop(Math.round(element.getBoundingClientRect().top + window.scrollY));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(document.documentElement);
    return () => observer.disconnect();
  }, [ref]);
  return top;
}
