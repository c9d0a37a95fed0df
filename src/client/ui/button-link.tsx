// A link that looks like a button (same classes as ui/button.tsx): navigation inside the app.
import { Link, type LinkProps } from 'react-router';
import { buttonClasses, type ButtonStyleProps } from './button';
import './button.css';

export type ButtonLinkProps = ButtonStyleProps & LinkProps;

export function ButtonLink({ variant, block, icon, className, children, ...rest }: ButtonLinkProps) {
  return (
    <Link className={buttonClasses({ variant, block }, className)} {...rest}>
      {icon}
      {children}
    </Link>
  );
}
