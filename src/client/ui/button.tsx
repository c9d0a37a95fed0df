// Buttons. Every button is at least 44 px tall (a thumb on a moving bus); an icon sits next to its word,
// never alone unless the caller gives an aria-label. Links that look like buttons are in button-link.tsx,
// so the sign-in page loads no router.
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import './button.css';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

export interface ButtonStyleProps {
  variant?: ButtonVariant;
  block?: boolean;
  icon?: ReactNode;
}

export function buttonClasses({ variant = 'secondary', block }: ButtonStyleProps, extra?: string): string {
  return ['button', `button--${variant}`, block ? 'button--block' : '', extra ?? ''].filter(Boolean).join(' ');
}

export type ButtonProps = ButtonStyleProps & ButtonHTMLAttributes<HTMLButtonElement>;

export function Button({ variant, block, icon, className, children, type = 'button', ...rest }: ButtonProps) {
  return (
    <button type={type} className={buttonClasses({ variant, block }, className)} {...rest}>
      {icon}
      {children}
    </button>
  );
}
