/**
 * The pane: reads the master, then either the campaign form (no campaign yet) or the tracker and the
 * receiving round. The same component is the browser page, with a file host instead of Excel.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MasterModel } from '../../core/master/model';
import { emptyRound, roundReducer } from '../state/round';
import { PageBar } from './PageBar';
import { ReceiveView } from './ReceiveView';
import { useServices } from './services';
import { StartView } from './StartView';
import { TrackerView } from './TrackerView';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    overflowX: 'hidden',
  },
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  h1: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

type Tabs = 'tracker' | 'receive';

export function App(): React.JSX.Element {
  const { t } = useTranslation();
  const s = useStyles();
  const { host } = useServices();
  const [loading, setLoading] = useState(true);
  const [model, setModel] = useState<MasterModel | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<Tabs>('tracker');
  const [round, dispatch] = useReducer(roundReducer, emptyRound);
  const [dirty, setDirty] = useState(false);
  /** The browser page shows the campaign form only once the clerk chose to create a new master. */
  const [wantNew, setWantNew] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const r = await host.read();
      setModel(r.model);
      // A workbook without a campaign is not a problem: the form to create one is shown.
      setProblems(r.model ? r.problems : []);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  }, [host]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (!loading) document.body.dataset.ready = '1';
  }, [loading]);

  const changed = (m: MasterModel) => {
    setModel(m);
    setDirty(true);
  };

  return (
    <div className={s.root}>
      <header className={s.head}>
        <h1 className={s.h1}>{t('app.name')}</h1>
        {model && <span className={s.sub}>{model.config.title}</span>}
      </header>
      {host.kind === 'file' && (
        <PageBar
          hasMaster={!!model}
          creating={wantNew && !model}
          dirty={dirty}
          onOpened={(m, p) => {
            setModel(m);
            setProblems(p);
            setDirty(false);
            dispatch({ type: 'clear' });
          }}
          onDownloaded={() => setDirty(false)}
          onCreate={() => setWantNew(true)}
        />
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('app.error')}</MessageBarTitle>
            {error}
          </MessageBarBody>
          <Button size="small" onClick={() => void load()}>
            {t('app.retry')}
          </Button>
        </MessageBar>
      )}
      {problems.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t('app.problems')}</MessageBarTitle>
            {problems.join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      {loading ? (
        <Spinner label={t('app.loading')} />
      ) : !model ? (
        host.kind === 'excel' || wantNew ? (
          <StartView
            onCreated={(m) => {
              changed(m);
              setProblems([]);
              setTab('receive');
            }}
          />
        ) : null
      ) : (
        <>
          <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as Tabs)} size="small">
            <Tab value="tracker">{t('tabs.tracker')}</Tab>
            <Tab value="receive">
              {round.files.length ? t('tabs.receiveCount', { count: round.files.length }) : t('tabs.receive')}
            </Tab>
          </TabList>
          {tab === 'tracker' ? (
            <TrackerView model={model} />
          ) : (
            <ReceiveView
              model={model}
              round={round}
              dispatch={dispatch}
              onMerged={(m) => changed(m)}
              onShowTracker={() => setTab('tracker')}
            />
          )}
        </>
      )}
    </div>
  );
}
