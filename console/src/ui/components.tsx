// The console's small design system: labelled controls, buttons, alerts and page furniture. Every
// control has a visible label tied to it; hints and errors are announced with the control.
import { useEffect, useId, useRef, useState, type ButtonHTMLAttributes, type ComponentProps, type ReactNode, type RefObject } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

export function Button({
  variant = 'secondary',
  small,
  busy,
  className,
  children,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; small?: boolean; busy?: boolean }) {
  const classes = ['btn', variant !== 'secondary' && `btn-${variant}`, small && 'btn-small', className].filter(Boolean).join(' ');
  return (
    <button type="button" className={classes} aria-busy={busy || undefined} {...rest} disabled={rest.disabled || busy}>
      {busy && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** Shown after the label, e.g. a character count. */
  aside?: ReactNode;
  className?: string;
}

function useFieldIds(hint: unknown, error: unknown) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return { id, describedBy };
}

function FieldFrame({ id, label, hint, error, aside, className, children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <div className="field-head">
        <label htmlFor={id}>{label}</label>
        {aside}
      </div>
      {children}
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <div className="error" id={`${id}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}

export function TextField({ label, hint, error, aside, className, ...input }: FieldProps & ComponentProps<'input'>) {
  const { id, describedBy } = useFieldIds(hint, error);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} aside={aside} className={className}>
      <input type="text" id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} {...input} />
    </FieldFrame>
  );
}

export function TextArea({ label, hint, error, aside, className, ...area }: FieldProps & ComponentProps<'textarea'>) {
  const { id, describedBy } = useFieldIds(hint, error);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} aside={aside} className={className}>
      <textarea id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} {...area} />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  hint,
  error,
  aside,
  className,
  children,
  ...select
}: FieldProps & ComponentProps<'select'> & { children: ReactNode }) {
  const { id, describedBy } = useFieldIds(hint, error);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} aside={aside} className={className}>
      <select id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} {...select}>
        {children}
      </select>
    </FieldFrame>
  );
}

export function Checkbox({ label, ...input }: { label: ReactNode } & ComponentProps<'input'>) {
  const id = useId();
  return (
    <div className="checkbox">
      <input type="checkbox" id={id} {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function Alert({
  kind = 'info',
  title,
  children,
  live,
}: {
  kind?: 'info' | 'error' | 'warn' | 'ok';
  title?: ReactNode;
  children?: ReactNode;
  live?: boolean;
}) {
  const role = live ? (kind === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div className={`alert alert-${kind}`} role={role}>
      {title && <h2>{title}</h2>}
      {children}
    </div>
  );
}

export function Spinner({ label }: { label: string }) {
  return (
    <span role="status">
      <span className="spinner" aria-hidden="true" /> <span className="visually-hidden">{label}</span>
    </span>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <div className="empty" role="status">
      <span className="spinner" aria-hidden="true" /> {label}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

/** The address whose screen title last took the focus. */
let focusedFor: string | null = null;

/**
 * On arriving at a screen (not on every render, and not when only its query string changes), its
 * title takes the focus once it renders, so keyboard and screen-reader users start at the top of the
 * new screen. The screen may load its data first; an old screen still showing never takes it.
 */
function useTitleFocus(ref: RefObject<HTMLHeadingElement | null>) {
  const [path] = useState(() => window.location.pathname);
  useEffect(() => {
    if (focusedFor !== path && ref.current) {
      focusedFor = path;
      ref.current.focus({ preventScroll: true });
    }
  }, [path, ref]);
}

export function PageHeader({ title, subtitle, actions }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useTitleFocus(ref);
  return (
    <div className="page-header">
      <div>
        <h1 id="page-title" tabIndex={-1} ref={ref}>
          {title}
        </h1>
        {subtitle && <div className="subtle">{subtitle}</div>}
      </div>
      {actions && <div className="actions">{actions}</div>}
    </div>
  );
}
