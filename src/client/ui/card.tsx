// A surface that groups one topic on a page; with a title it is a labelled section.
import { useId, type ReactNode } from 'react';
import './card.css';

export interface CardProps {
  title?: string;
  children: ReactNode;
  className?: string;
}

export function Card({ title, children, className }: CardProps) {
  const headingId = useId();
  return (
    <section
      className={['card', className ?? ''].filter(Boolean).join(' ')}
      aria-labelledby={title ? headingId : undefined}
    >
      {title && (
        <h2 className="card__title" id={headingId}>
          {title}
        </h2>
      )}
      {children}
    </section>
  );
}
