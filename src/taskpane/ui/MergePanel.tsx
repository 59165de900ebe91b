/** The merge: what will change (from the engine, on the master as it is now), one action with progress, the result. */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { previewMerge, type MergePreview } from '../../core/master/merge-preview';
import type { IncomingList } from '../../core/master/merge';
import type { MasterModel } from '../../core/master/model';
import type { HostMergeResult } from '../host/workbook-host';
import { incomingOf, type ReceivedFile } from '../state/round';
import { useServices } from './services';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400 },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  p: { margin: 0 },
});

type Phase =
  | { kind: 'preview'; before: MasterModel; preview: MergePreview }
  | { kind: 'running'; step: number; total: number; label: string }
  | { kind: 'done'; result: HostMergeResult; lists: IncomingList[] }
  | { kind: 'failed'; message: string }
  | { kind: 'loading' };

export function MergePanel(props: {
  model: MasterModel;
  files: ReceivedFile[];
  onCancel(): void;
  onMerged(model: MasterModel, ids: string[]): void;
  onClose(): void;
  onShowTracker(): void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const { host, now, today } = useServices();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const tz = props.model.config.timeZone;
  const lists = incomingOf(props.files);

  // Once, when the panel opens: the preview is of the files as they were when the clerk pressed "Gộp".
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        // The clerk may have edited the workbook since it was read: preview against it as it is now.
        const fresh = (await host.read()).model ?? props.model;
        if (live) setPhase({ kind: 'preview', before: fresh, preview: previewMerge(fresh, lists, now(tz)) });
      } catch (e) {
        if (live) setPhase({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  const run = async () => {
    setPhase({ kind: 'running', step: 0, total: 1, label: t('merge.running') });
    const merging = lists;
    try {
      const result = await host.merge(merging, {
        now: now(tz),
        today: today(tz),
        onProgress: (step, total, label) => setPhase({ kind: 'running', step, total, label }),
      });
      setPhase({ kind: 'done', result, lists: merging });
      props.onMerged(
        result.model,
        props.files.map((f) => f.id),
      );
    } catch (e) {
      setPhase({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  if (phase.kind === 'loading') return <Spinner label={t('app.loading')} />;

  if (phase.kind === 'failed') {
    return (
      <section className={s.wrap}>
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('merge.failed')}</MessageBarTitle>
            {phase.message}
          </MessageBarBody>
        </MessageBar>
        <Button onClick={props.onClose}>{t('app.back')}</Button>
      </section>
    );
  }

  if (phase.kind === 'running') {
    // the hosts name their steps in Vietnamese; an English pane counts them instead
    const label =
      i18n.language === 'vi' ? phase.label : t('merge.stepOf', { step: phase.step, total: phase.total });
    return (
      <section className={s.wrap} aria-busy="true">
        <h2 className={s.h2}>{t('merge.running')}</h2>
        <ProgressBar value={phase.step / Math.max(1, phase.total)} thickness="large" aria-label={label} />
        <span role="status">{label}</span>
      </section>
    );
  }

  if (phase.kind === 'done') {
    const r = phase.result;
    const merged = r.files.filter((f) => f.action === 'merged' || f.action === 'replaced').length;
    // why each refused file was not merged: the file's own first error (unreadable …), else the merge's finding
    const refused = r.files
      .map((f, i) => ({ f, report: phase.lists[i]?.report }))
      .filter(({ f }) => f.action === 'not-merged')
      .map(({ f, report }) => {
        const why =
          report?.issues.find((x) => x.severity === 'error') ??
          f.issues.find((x) => x.severity === 'error') ??
          f.issues[0];
        return `${f.file}: ${why ? why.message : ''}`;
      });
    return (
      <section className={s.wrap} aria-labelledby="merge-done">
        <h2 id="merge-done" className={s.h2}>
          {t('merge.done')}
        </h2>
        <MessageBar intent={r.changed ? 'success' : 'info'}>
          <MessageBarBody>
            {r.changed ? t('merge.doneLine', { merged, rows: r.model.rows.length }) : t('merge.nothing')}
          </MessageBarBody>
        </MessageBar>
        <Group title={t('merge.refused', { count: refused.length })} items={refused} intent="warning" />
        {r.skipped.length > 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>{t('merge.skipped')}</MessageBarTitle>
              {r.skipped.join(' ')}
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={s.row}>
          {host.goToPart && (
            <Button appearance="primary" onClick={() => void host.goToPart!('rows')}>
              {t('merge.goRows')}
            </Button>
          )}
          <Button onClick={props.onShowTracker}>{t('merge.goTracker')}</Button>
        </div>
      </section>
    );
  }

  const p = phase.preview;
  return (
    <section className={s.wrap} aria-labelledby="merge-title">
      <h2 id="merge-title" className={s.h2}>
        {t('merge.title')}
      </h2>
      <p className={s.p}>{t('merge.rows', { added: p.rowsAdded, removed: p.rowsRemoved })}</p>
      <Group title={t('merge.newUnits', { count: p.newUnits.length })} items={p.newUnits} />
      <Group
        title={t('merge.replaced', { count: p.replaced.length })}
        items={p.replaced.map((r) => t('merge.replacedLine', r))}
      />
      <Group
        title={t('merge.late', { count: p.lateUnits.length })}
        items={p.lateUnits.map((l) => t('merge.lateLine', { unit: l.unit, days: l.daysLate }))}
      />
      <Group title={t('merge.unchanged', { count: p.unchanged.length })} items={p.unchanged} />
      <Group
        title={t('merge.notMerged', { count: p.notMerged.length })}
        items={p.notMerged.map((n) => `${n.file}: ${n.reason}`)}
        intent="warning"
      />
      <div className={s.row}>
        <Button appearance="primary" onClick={() => void run()}>
          {t('merge.confirm', { count: lists.length })}
        </Button>
        <Button onClick={props.onCancel}>{t('merge.cancel')}</Button>
      </div>
    </section>
  );
}

function Group(props: { title: string; items: string[]; intent?: 'warning' }): React.JSX.Element | null {
  const s = useStyles();
  if (props.items.length === 0) return null;
  const body = (
    <>
      <h3 className={s.h3}>{props.title}</h3>
      <ul className={s.list}>
        {props.items.map((x, i) => (
          <li key={i}>{x}</li>
        ))}
      </ul>
    </>
  );
  return props.intent ? (
    <MessageBar intent={props.intent} layout="multiline">
      <MessageBarBody>{body}</MessageBarBody>
    </MessageBar>
  ) : (
    <div>{body}</div>
  );
}
