import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What failed, in words: "Case zendesk:48213", "The case list". */
  what: string;
  /** Shown under the message: what still works (export, backup, restore). */
  recovery?: ReactNode;
  /** The element the message renders as, where the markup needs one (a table row). */
  as?: 'div' | 'li' | 'tr';
  colSpan?: number;
  children: ReactNode;
}

/**
 * One bad row (a time that is no time, from an old store or a hand-edited backup) must not blank a
 * page: the part that failed says so, in place, and everything around it stays usable.
 */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever opens the console; the user sees the message below.
    console.error(`${this.props.what} could not be shown`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const message = (
      <>
        <strong>{this.props.what} could not be shown</strong> ({error.message || String(error)}).
        {this.props.recovery}
      </>
    );
    if (this.props.as === 'tr') {
      return (
        <tr className="render-error" role="alert" data-testid="render-error">
          <td colSpan={this.props.colSpan}>{message}</td>
        </tr>
      );
    }
    const Tag = this.props.as ?? 'div';
    return (
      <Tag className="render-error" role="alert" data-testid="render-error">
        {message}
      </Tag>
    );
  }
}
