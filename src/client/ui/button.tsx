// Buttons and button-looking links. Every button is at least 44 px tall (a thumb on a moving bus); an icon
// sits next to its word, never alone unless the caller gives an aria-label.
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

interface StyleProps {
  variant?: ButtonVariant;
  block?: boolean;
  icon?: ReactNode;
}

function classes({ variant = 'secondary', block }: StyleProps, extra?: string): string {
  return ['button', `button--${variant}`, block ? 'button--block' : '', extra ?? ''].filter(Boolean).join(' ');
}

export type ButtonProps = StyleProps & ButtonHTMLAttributes<HTMLButtonElement>;

export function Button({ variant, block, icon, className, children, type = 'button', ...rest }: ButtonProps) {
  return (
    <button type={type} className={classes({ variant, block }, className)} {...rest}>
      {icon}
      {children}
    </button>
  );
}

export type ButtonLinkProps = StyleProps & LinkProps;

export function ButtonLink({ variant, block, icon, className, children, ...rest }: ButtonLinkProps) {
  return (
    <Link className={classes({ variant, block }, className)} {...rest}>
      {icon}
      {children}
    </Link>
  );
}
