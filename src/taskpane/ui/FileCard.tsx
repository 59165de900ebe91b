/** One received file: its unit (changeable), received date, sheets, nominee rows, issues by severity. */
import {
  Badge,
  Button,
  Card,
  Field,
  Input,
  Spinner,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Roster } from '../../core/units/roster';
import { severityCounts, type ReceivedFile } from '../state/round';
import { UnitPicker } from './UnitPicker';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  attention: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteRedBorder2}` },
  excluded: { opacity: 0.6 },
  name: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  meta: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  date: { alignItems: 'center', gridTemplateColumns: 'auto 1fr' },
});

export function FileCard(props: {
  file: ReceivedFile;
  roster: Roster;
  onUnit(unit: string): void;
  onReceived(date: string): void;
  onExclude(excluded: boolean): void;
  onDetails(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const s = useStyles();
  const f = props.file;
  const p = f.parsed;
  const c = severityCounts(p);
  const unreadable = !!p && p.report.sheets.length === 0 && c.error > 0;
  const attention = !!p && !f.excluded && (!f.unit || c.error > 0);
  const unitLabel = `${t('card.unit')} — ${f.name}`;
  const unitNote = !p
    ? ''
    : f.unitByClerk
      ? t('card.chosen')
      : f.unit
        ? t('card.confidence', { pct: Math.round(f.confidence * 100) })
        : '';
  return (
    <Card
      className={mergeClasses(s.card, attention && s.attention, f.excluded && s.excluded)}
      data-file={f.name}
      data-attention={attention ? '1' : undefined}
      role="group"
      aria-label={f.name}
    >
      <h3 className={s.name}>{f.name}</h3>
      {!p ? (
        <Spinner size="tiny" label="…" />
      ) : (
        <>
          {unreadable ? (
            <Badge color="danger" appearance="filled">
              {t('card.unreadable')}
            </Badge>
          ) : (
            <>
              <Field
                label={t('card.unit')}
                validationState={f.unit ? 'none' : 'error'}
                validationMessage={f.unit ? undefined : t('card.unknownHelp')}
                hint={[unitNote, f.unit && !f.inRoster ? t('card.notInRoster') : '']
                  .filter(Boolean)
                  .join(' · ')}
              >
                <UnitPicker
                  roster={props.roster}
                  value={f.unit}
                  label={unitLabel}
                  invalid={!f.unit}
                  onChange={props.onUnit}
                />
              </Field>
              <Field label={t('card.received')} orientation="horizontal" className={s.date}>
                <Input
                  type="date"
                  size="small"
                  value={f.received}
                  aria-label={`${t('card.received')} — ${f.name}`}
                  onChange={(_, d) => d.value && props.onReceived(d.value)}
                />
              </Field>
              <span className={s.meta}>
                {t('card.sheets', {
                  names: p.report.sheets.map((x) => x.name).join(', '),
                })}
                {' · '}
                {p.report.rows > 0 ? t('card.rows', { count: p.report.rows }) : t('card.noRows')}
              </span>
            </>
          )}
          <div className={s.badges}>
            {c.error > 0 && (
              <Badge color="danger" appearance="tint">
                {t('card.errors', { count: c.error })}
              </Badge>
            )}
            {c.warning > 0 && (
              <Badge color="warning" appearance="tint">
                {t('card.warnings', { count: c.warning })}
              </Badge>
            )}
            {c.info > 0 && (
              <Badge color="informative" appearance="tint">
                {t('card.infos', { count: c.info })}
              </Badge>
            )}
            {f.excluded && (
              <Badge color="subtle" appearance="outline">
                {t('card.excluded')}
              </Badge>
            )}
            {f.rechecking && <Spinner size="extra-tiny" label={t('review.rechecking')} />}
          </div>
          <div className={s.actions}>
            <Button size="small" onClick={props.onDetails} aria-label={`${t('card.details')} — ${f.name}`}>
              {t('card.details')}
            </Button>
            <Button
              size="small"
              appearance="subtle"
              onClick={() => props.onExclude(!f.excluded)}
              aria-label={`${f.excluded ? t('card.include') : t('card.exclude')} — ${f.name}`}
            >
              {f.excluded ? t('card.include') : t('card.exclude')}
            </Button>
          </div>
        </>
      )}
    </Card>
  );
}
