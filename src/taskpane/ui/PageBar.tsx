/** The browser page's file bar: open a master, create a new one, download the current one. */
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MasterModel } from '../../core/master/model';
import { readBytes } from './format';
import { useServices } from './services';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  intro: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  name: { fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  hidden: { display: 'none' },
});

export function PageBar(props: {
  hasMaster: boolean;
  /** The campaign form is open. */
  creating: boolean;
  dirty: boolean;
  onOpened(model: MasterModel, problems: string[]): void;
  onDownloaded(): void;
  onCreate(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const s = useStyles();
  const { host, saveFile } = useServices();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const open = async (file: File) => {
    setError(null);
    setNote(null);
    try {
      const state = await host.open!(file.name, await readBytes(file));
      props.onOpened(state.model!, state.problems);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const download = async () => {
    setError(null);
    try {
      const f = await host.download!();
      saveFile?.(f.name, f.bytes);
      setNote(t('page.downloaded', { name: f.name }));
      props.onDownloaded();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section aria-label={t('page.current', { name: host.fileName?.() ?? '' })}>
      {!props.hasMaster && <p className={s.intro}>{t('page.intro')}</p>}
      <div className={s.bar}>
        <Button onClick={() => input.current?.click()}>{t('page.open')}</Button>
        {!props.hasMaster && !props.creating && (
          <Button appearance="primary" onClick={props.onCreate}>
            {t('page.create')}
          </Button>
        )}
        {props.hasMaster && (
          <Button appearance={props.dirty ? 'primary' : 'secondary'} onClick={() => void download()}>
            {t('page.download')}
          </Button>
        )}
        <input
          ref={input}
          className={s.hidden}
          type="file"
          accept=".xlsx"
          aria-label={t('page.open')}
          data-testid="open-master"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void open(f);
          }}
        />
      </div>
      {props.hasMaster && host.fileName?.() && (
        <div className={s.name}>
          {t('page.current', { name: host.fileName() })}
          {props.dirty ? ` — ${t('page.unsaved')}` : ''}
        </div>
      )}
      {note && (
        <MessageBar intent="success">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
