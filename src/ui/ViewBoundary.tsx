import { Component, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

interface Props {
  /** When this changes (a new scenario, a new cursor), a failed view tries again. */
  resetKey: unknown;
  children: ReactNode;
}

interface State {
  error: Error | null;
  key: unknown;
}

/**
 * Around each view area: a view that throws shows a readable message in its own box, and the rest
 * of the lab keeps working (never a blank page).
 */
export class ViewBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { key: props.resetKey, error: null } : null;
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Translation ns="ui">
        {(t) => (
          <div className="view-error" role="alert">
            <p>{t('errors.view', { message: error.message })}</p>
            <button type="button" onClick={() => this.setState({ error: null })}>
              {t('errors.retry')}
            </button>
          </div>
        )}
      </Translation>
    );
  }
}
