import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLab, useLabStore } from '../store/react';
import { shareUrl } from './hooks';
import { Icon } from './Icon';
import { qrPath } from './qr';
import { useShell } from './shell';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Copy the link to the current screen: the clipboard API where the browser allows it, else the
 * link is selected in its field so Ctrl+C copies it.
 */
async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.focus();
    field?.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/** The share popover: the link (copied on open), a Copy button and a QR code for phones. */
export function SharePopover({ anchor }: { anchor: React.RefObject<HTMLElement | null> }) {
  const { t } = useTranslation('ui');
  const open = useShell((s) => s.overlay === 'share');
  const scenario = useLab((s) => s.scenario);
  const cursor = useLab((s) => s.cursor);
  const lesson = useLab((s) => s.lesson);
  const lang = useLab((s) => s.lang);
  const presenter = useLab((s) => s.presenter);
  const netView = useLab((s) => s.netView);
  const store = useLabStore();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the link changes only with these fields
  const url = useMemo(
    () => (open ? shareUrl(store.getState()) : ''),
    [open, scenario, cursor, lesson, lang, presenter, netView],
  );
  const qr = useMemo(() => (url ? qrPath(url) : null), [url]);
  const field = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState<CopyState>('idle');

  const copy = async () => setCopied((await copyText(url, field.current)) ? 'copied' : 'failed');

  // Opening the popover is the "Copy link" click: copy straight away.
  // biome-ignore lint/correctness/useExhaustiveDependencies: run once per opening
  useEffect(() => {
    if (!open) return setCopied('idle');
    void copy();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      const target = e.target as Node | null;
      if (box.current?.contains(target) || anchor.current?.contains(target)) return;
      useShell.getState().open(null);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open, anchor]);

  if (!open) return null;
  return (
    <div className="popover share" role="dialog" aria-label={t('share.title')} ref={box}>
      <div className="popover-head">
        <h2>{t('share.title')}</h2>
        <button
          type="button"
          className="icon-btn ghost"
          onClick={() => useShell.getState().open(null)}
          aria-label={t('share.close')}
        >
          <Icon name="close" />
        </button>
      </div>
      <label className="stack">
        <span>{t('share.linkLabel')}</span>
        <input
          ref={field}
          readOnly
          value={url}
          data-testid="share-url"
          onFocus={(e) => e.currentTarget.select()}
        />
      </label>
      <div className="row">
        <button type="button" onClick={() => void copy()}>
          <Icon name="link" />
          {t('share.copy')}
        </button>
        <span className="status" role="status" data-testid="copy-status">
          {copied === 'copied' ? t('share.copied') : copied === 'failed' ? t('share.copyFailed') : ''}
        </span>
      </div>
      {qr ? (
        <svg
          className="qr"
          viewBox={`-2 -2 ${qr.size + 4} ${qr.size + 4}`}
          role="img"
          aria-label={t('share.qrLabel')}
        >
          <rect x={-2} y={-2} width={qr.size + 4} height={qr.size + 4} fill="#fff" />
          <path d={qr.d} fill="#000" shapeRendering="crispEdges" />
        </svg>
      ) : (
        <p className="muted">{t('share.qrTooLong')}</p>
      )}
    </div>
  );
}
