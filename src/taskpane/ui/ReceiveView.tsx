/**
 * Receiving: drop or pick the returned files (parsed in Web Workers, with progress), one card each; a
 * file's details; the list pasted into the active sheet; then the merge.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { Suspense, lazy, useState, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { MasterModel } from '../../core/master/model';
import { mergeable, type RoundAction, type RoundState } from '../state/round';
import { FileCard } from './FileCard';
import { FilePicker } from './FilePicker';
import { nextId, readBytes } from './format';
import { MergePanel } from './MergePanel';
import { useServices } from './services';

const FileReview = lazy(() => import(/* webpackChunkName: "review" */ './FileReview'));

const ACCEPT = '.xlsx,.xlsm,.xls,.ods,.csv';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    textAlign: 'center',
  },
  over: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  summary: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export function ReceiveView(props: {
  model: MasterModel;
  round: RoundState;
  dispatch: Dispatch<RoundAction>;
  onMerged(model: MasterModel): void;
  onShowTracker(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const s = useStyles();
  const { host, parser, today } = useServices();
  const [over, setOver] = useState(false);
  const [detail, setDetail] = useState<string | null>(null);
  const [merging, setMerging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [checkingSheet, setCheckingSheet] = useState(false);
  const { round, dispatch, model } = props;
  const ctx = { schema: model.schema, roster: model.roster };
  const day = today(model.config.timeZone);

  const addFiles = (list: FileList | File[]) => {
    const files = Array.from(list);
    if (files.length === 0) return;
    const items = files.map((f) => ({ id: nextId(), name: f.name, file: f }));
    dispatch({ type: 'added', files: items.map(({ id, name }) => ({ id, name })), today: day });
    void parser.parse(
      items.map((i) => ({ id: i.id, name: i.name, bytes: () => readBytes(i.file) })),
      ctx,
      (file) => dispatch({ type: 'parsed', file }),
    );
  };

  const checkSheet = async () => {
    if (!host.readActiveSheet) return;
    setCheckingSheet(true);
    setError(null);
    try {
      const wb = await host.readActiveSheet();
      const id = nextId('s');
      dispatch({ type: 'added', files: [{ id, name: wb.fileName }], today: day });
      const file = await parser.adopt(id, wb, ctx);
      dispatch({ type: 'parsed', file });
      setDetail(id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setCheckingSheet(false);
    }
  };

  const reading = round.batch.done < round.batch.total;
  const ready = mergeable(round);
  const totalRows = ready.reduce((n, f) => n + (f.parsed?.report.rows ?? 0), 0);
  const shown = detail ? round.files.find((f) => f.id === detail) : undefined;

  if (merging) {
    return (
      <MergePanel
        model={model}
        files={ready}
        onCancel={() => setMerging(false)}
        onMerged={(m, ids) => {
          dispatch({ type: 'merged', ids });
          props.onMerged(m);
        }}
        onClose={() => setMerging(false)}
        onShowTracker={() => {
          setMerging(false);
          props.onShowTracker();
        }}
      />
    );
  }

  if (shown) {
    return (
      <Suspense fallback={<Spinner />}>
        <FileReview
          file={shown}
          model={model}
          onBack={() => setDetail(null)}
          onColumns={async (columns) => {
            dispatch({ type: 'columns', id: shown.id, columns });
            const file = await parser.recheck(shown.id, ctx, columns);
            dispatch({ type: 'parsed', file });
          }}
          onExclude={(x) => dispatch({ type: 'exclude', id: shown.id, excluded: x })}
        />
      </Suspense>
    );
  }

  return (
    <section className={s.wrap} aria-label={t('tabs.receive')}>
      <div
        className={mergeClasses(s.drop, over && s.over)}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          addFiles(e.dataTransfer.files);
        }}
      >
        <span>{t('receive.drop')}</span>
        <span className={s.hint}>{t('receive.dropHint')}</span>
        <FilePicker
          label={t('receive.pick')}
          accept={ACCEPT}
          multiple
          appearance="primary"
          testId="pick-files"
          onFiles={addFiles}
        />
      </div>
      {host.readActiveSheet && (
        <div className={s.row}>
          <Button
            size="small"
            disabled={checkingSheet}
            onClick={() => void checkSheet()}
            title={t('receive.checkSheetHint')}
          >
            {t('receive.checkSheet')}
          </Button>
          {checkingSheet && <Spinner size="tiny" label={t('sheet.reading')} />}
        </div>
      )}
      {reading && (
        <ProgressBar
          value={round.batch.done / Math.max(1, round.batch.total)}
          thickness="large"
          aria-label={t('receive.reading', { done: round.batch.done, total: round.batch.total })}
        />
      )}
      {reading && (
        <span className={s.summary} role="status">
          {t('receive.reading', { done: round.batch.done, total: round.batch.total })}
        </span>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {round.files.length === 0 ? (
        <span className={s.hint}>{t('receive.empty')}</span>
      ) : (
        <>
          <div className={s.row}>
            <span className={s.summary}>
              {t('receive.summary', { files: ready.length, rows: totalRows })}
            </span>
            <Button
              appearance="primary"
              disabled={reading || ready.length === 0}
              onClick={() => setMerging(true)}
            >
              {t('receive.mergeAll')}
            </Button>
            <Button appearance="subtle" size="small" onClick={() => dispatch({ type: 'clear' })}>
              {t('receive.clear')}
            </Button>
          </div>
          <div className={s.list}>
            {round.files.map((f) => (
              <FileCard
                key={f.id}
                file={f}
                roster={model.roster}
                onUnit={(unit) => dispatch({ type: 'unit', id: f.id, unit, roster: model.roster })}
                onReceived={(date) => dispatch({ type: 'received', id: f.id, date })}
                onExclude={(excluded) => dispatch({ type: 'exclude', id: f.id, excluded })}
                onDetails={() => setDetail(f.id)}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
