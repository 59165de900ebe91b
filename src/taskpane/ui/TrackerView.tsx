/**
 * Follow-up: who sent on time, late, or not at all; the missing units' contacts; the reminder text to copy;
 * Báo cáo rebuilt on demand; a unit's rows shown in Tổng hợp.
 */
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatViDate } from '../../core/campaign/deadline';
import type { MasterModel, TrackerRow, TrackerStatus } from '../../core/master/model';
import { missingUnitsText, reminderText } from '../../core/master/reminder';
import { computeTracker, trackerTotals } from '../../core/master/tracker';
import { useServices } from './services';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400 },
  sub: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  stats: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  stat: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  num: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: '1.1' },
  onTime: { color: tokens.colorPaletteGreenForeground1 },
  late: { color: tokens.colorPaletteDarkOrangeForeground1 },
  missing: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  filter: { flexWrap: 'wrap' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  itemHead: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-start',
    justifyContent: 'space-between',
  },
  unit: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  badge: { flexShrink: 0, whiteSpace: 'nowrap' },
  meta: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

type Filter = 'all' | TrackerStatus;

const BADGE: Record<TrackerStatus, 'success' | 'warning' | 'danger'> = {
  'on-time': 'success',
  late: 'warning',
  missing: 'danger',
};

export function TrackerView(props: { model: MasterModel }): React.JSX.Element {
  const { t } = useTranslation();
  const s = useStyles();
  const { host, copyText, today } = useServices();
  const rows = useMemo(() => computeTracker(props.model), [props.model]);
  const totals = useMemo(() => trackerTotals(rows), [rows]);
  const [filter, setFilter] = useState<Filter>('all');
  const [note, setNote] = useState<{ intent: 'success' | 'error' | 'warning'; text: string } | null>(null);
  const [fallbackText, setFallbackText] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tz = props.model.config.timeZone;

  const statusText: Record<TrackerStatus, string> = {
    'on-time': t('tracker.onTime'),
    late: t('tracker.late'),
    missing: t('tracker.missing'),
  };

  const copy = async (text: string) => {
    setFallbackText(null);
    try {
      await copyText(text);
      setNote({ intent: 'success', text: t('tracker.copied') });
    } catch {
      setNote({ intent: 'warning', text: t('tracker.copyFailed') });
      setFallbackText(text);
    }
  };

  const rebuild = async () => {
    setBusy(true);
    setNote(null);
    try {
      await host.rebuildReport(today(tz));
      setNote({ intent: 'success', text: t('tracker.rebuilt') });
    } catch (e) {
      setNote({ intent: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  const goUnit = async (unit: string) => {
    try {
      await host.goToUnit?.(unit);
    } catch (e) {
      setNote({ intent: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };

  const shown = rows.filter((r) => filter === 'all' || r.status === filter);

  return (
    <section className={s.wrap} aria-labelledby="tracker-title">
      <div>
        <h2 id="tracker-title" className={s.h2}>
          {t('tracker.title')}
        </h2>
        <div className={s.sub}>
          {t('tracker.deadline', { date: formatViDate(props.model.config.deadline) })}
        </div>
      </div>
      <div className={s.stats} data-testid="tracker-counts">
        {(['on-time', 'late', 'missing'] as const).map((k) => (
          <div key={k} className={s.stat} data-status={k}>
            <span className={`${s.num} ${k === 'on-time' ? s.onTime : k === 'late' ? s.late : s.missing}`}>
              {k === 'on-time' ? totals.onTime : k === 'late' ? totals.late : totals.missing}
            </span>
            <span className={s.sub}>{statusText[k]}</span>
          </div>
        ))}
      </div>
      <div className={s.sub}>
        {t('tracker.nominees', { tapThe: totals.tapThe, caNhan: totals.caNhan })}
        {totals.errors > 0 ? ` · ${t('tracker.errors', { count: totals.errors })}` : ''}
      </div>
      <div className={s.actions}>
        <Button
          size="small"
          disabled={totals.missing === 0}
          onClick={() => void copy(missingUnitsText(props.model, rows))}
        >
          {t('tracker.copyMissing')}
        </Button>
        <Button
          size="small"
          disabled={totals.missing === 0}
          onClick={() => void copy(reminderText(props.model, rows, today(tz)))}
        >
          {t('tracker.copyReminder')}
        </Button>
        <Button size="small" disabled={busy} onClick={() => void rebuild()}>
          {t('tracker.rebuild')}
        </Button>
        {host.goToPart && (
          <Button size="small" onClick={() => void host.goToPart!('report')}>
            {t('tracker.openReport')}
          </Button>
        )}
      </div>
      {note && (
        <MessageBar intent={note.intent}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}
      {fallbackText !== null && (
        <Textarea readOnly value={fallbackText} rows={6} aria-label={t('tracker.copyReminder')} />
      )}
      <TabList
        className={s.filter}
        size="small"
        selectedValue={filter}
        onTabSelect={(_, d) => setFilter(d.value as Filter)}
        aria-label={t('tracker.filter')}
      >
        <Tab value="all">{t('tracker.all')}</Tab>
        <Tab value="missing">{`${t('tracker.missing')} (${totals.missing})`}</Tab>
        <Tab value="late">{`${t('tracker.late')} (${totals.late})`}</Tab>
        <Tab value="on-time">{`${t('tracker.onTime')} (${totals.onTime})`}</Tab>
      </TabList>
      {filter === 'missing' && totals.missing === 0 && (
        <div className={s.sub}>{t('tracker.noneMissing')}</div>
      )}
      <ul className={s.list} aria-label={t('tracker.units')}>
        {shown.map((r) => (
          <UnitItem
            key={r.unit}
            row={r}
            statusText={statusText[r.status]}
            onGo={host.goToUnit ? goUnit : null}
          />
        ))}
      </ul>
    </section>
  );
}

function UnitItem(props: {
  row: TrackerRow;
  statusText: string;
  onGo: ((unit: string) => void) | null;
}): React.JSX.Element {
  const { t } = useTranslation();
  const s = useStyles();
  const r = props.row;
  const contact = [r.contact, r.phone, r.email].filter(Boolean).join(' · ');
  const meta = [
    r.group,
    r.received ? t('tracker.receivedOn', { date: formatViDate(r.received) }) : '',
    r.status === 'late' ? t('tracker.daysLate', { days: r.daysLate }) : '',
    r.status !== 'missing' ? t('tracker.rows', { count: r.rows }) : '',
    r.inRoster ? '' : t('tracker.outside'),
  ].filter(Boolean);
  return (
    <li className={s.item} data-unit={r.unit} data-status={r.status}>
      <div className={s.itemHead}>
        <span className={s.unit}>{r.unit}</span>
        <Badge className={s.badge} appearance="tint" color={BADGE[r.status]} shape="rounded">
          {props.statusText}
        </Badge>
      </div>
      {meta.length > 0 && <span className={s.meta}>{meta.join(' · ')}</span>}
      {r.status === 'missing' && contact && (
        <span className={s.meta}>
          {t('tracker.contact')}: {contact}
        </span>
      )}
      {props.onGo && r.rows > 0 && (
        <Button
          size="small"
          appearance="subtle"
          onClick={() => props.onGo!(r.unit)}
          aria-label={t('tracker.goUnit', { unit: r.unit })}
        >
          {t('tracker.goRows')}
        </Button>
      )}
    </li>
  );
}
