import { useEffect } from 'react';
import { dialogStore, useDialogStore, type DialogState } from '../store/dialogStore.js';

const selectNotice = (state: DialogState) => state.notice;
const NOTICE_MS = 6000;

/** A short-lived status line: saved, installed, errors of commands. */
export function NoticeBar() {
  const notice = useDialogStore(selectNotice);
  useEffect(() => {
    if (!notice || notice.level === 'error') return undefined;
    const timer = window.setTimeout(() => dialogStore.getState().clearNotice(), NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice]);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.level}`} role={notice.level === 'error' ? 'alert' : 'status'}>
      <span className="notice-text">{notice.text}</span>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dialogStore.getState().clearNotice()}>×</button>
    </div>
  );
}
