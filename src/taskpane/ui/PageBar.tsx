/** The browser page's file bar: open a master, create a new one, download the current one. */
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MasterModel } from '../../core/master/model';
import { FilePicker } from './FilePicker';
import { readBytes } from './format';
import { useServices } from './services';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  intro: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  name: { fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
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
        <FilePicker
          label={t('page.open')}
          accept=".xlsx"
          testId="open-master"
          onFiles={(files) => void open(files[0]!)}
        />
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
