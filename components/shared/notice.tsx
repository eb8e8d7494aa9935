import { useState } from 'react';

export type NoticeState = { ok: boolean; text: string } | null;

/** Runs a user action and keeps what it says (its result text, or "prefix + error message") for a Notice. */
export function useNotice(): {
  notice: NoticeState;
  run: (task: () => Promise<string>, failPrefix?: string) => Promise<void>;
} {
  const [notice, setNotice] = useState<NoticeState>(null);
  const run = async (task: () => Promise<string>, failPrefix = '') => {
    try {
      setNotice({ ok: true, text: await task() });
    } catch (error) {
      setNotice({ ok: false, text: `${failPrefix}${(error as Error).message}` });
    }
  };
  return { notice, run };
}

/** A polite live region for the result of an action. Not role="status": the data panel owns that one. */
export function Notice({ notice }: { notice: NoticeState }) {
  return (
    <span className={`notice${notice && !notice.ok ? ' error' : ''}`} aria-live="polite" data-testid="notice">
      {notice?.text}
    </span>
  );
}

/** Copies plain text to the clipboard and says so (or why not). */
export function CopyButton({ label, text, copiedText }: { label: string; text: () => string; copiedText: string }) {
  const { notice, run } = useNotice();
  const copy = () =>
    run(
      async () => (await navigator.clipboard.writeText(text()), copiedText),
      'Not copied (select the text and copy it by hand): ',
    );
  return (
    <>
      <button type="button" onClick={() => void copy()}>
        {label}
      </button>
      <Notice notice={notice} />
    </>
  );
}
