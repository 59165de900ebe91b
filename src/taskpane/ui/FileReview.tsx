/**
 * One file in detail (loaded when first opened): its issues by severity with cell and message, the table as
 * read with each column labelled by its field, the column → field choice, leaving the file out.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Select,
  Spinner,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Issue, Severity } from '../../core/issues';
import type { MasterModel } from '../../core/master/model';
import type { ColumnChoice, SheetPreview } from '../parse/parse-file';
import type { ReceivedFile } from '../state/round';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, overflowWrap: 'anywhere' },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300 },
  h4: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  issue: { overflowWrap: 'anywhere', marginBottom: tokens.spacingVerticalXS },
  cell: { fontFamily: tokens.fontFamilyMonospace, marginRight: tokens.spacingHorizontalXS },
  scroll: {
    overflowX: 'auto',
    maxWidth: '100%',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: 'left',
    verticalAlign: 'bottom',
    padding: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    minWidth: '110px',
  },
  field: { display: 'block', color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  unmapped: { display: 'block', color: tokens.colorNeutralForeground3 },
  td: {
    padding: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
    minWidth: '110px',
    maxWidth: '240px',
    overflowWrap: 'anywhere',
  },
  sub: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  cols: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const ORDER: Severity[] = ['error', 'warning', 'info'];
/** Longer cell texts are cut in the preview (the whole text is in the cell's tooltip). */
const CELL_CHARS = 60;

export default function FileReview(props: {
  file: ReceivedFile;
  model: MasterModel;
  onBack(): void;
  onColumns(columns: ColumnChoice[]): Promise<void>;
  onExclude(excluded: boolean): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const s = useStyles();
  const f = props.file;
  const p = f.parsed;
  const issues = p?.report.issues ?? [];
  const by = (sev: Severity) => issues.filter((i) => i.severity === sev);
  const fields = props.model.schema.fields;

  const choose = (sheet: string, col: string, field: string | null) => {
    const rest = f.columns.filter((c) => !(c.sheet === sheet && c.col === col));
    void props.onColumns([...rest, { sheet, col, field }]);
  };

  return (
    <section className={s.wrap} aria-labelledby="review-title">
      <div>
        <Button appearance="subtle" onClick={props.onBack}>
          ← {t('app.back')}
        </Button>
      </div>
      <h2 id="review-title" className={s.h2}>
        {t('review.title')}: {f.name}
      </h2>
      <Switch
        checked={!f.excluded}
        onChange={(_, d) => props.onExclude(!d.checked)}
        label={t('review.mergeThis')}
      />
      {f.rechecking && <Spinner size="tiny" label={t('review.rechecking')} />}
      <h3 className={s.h3}>{t('review.issues')}</h3>
      {issues.length === 0 ? (
        <span className={s.sub}>{t('review.none')}</span>
      ) : (
        <Accordion multiple collapsible defaultOpenItems={ORDER.filter((x) => by(x).length > 0).slice(0, 1)}>
          {ORDER.map((sev) =>
            by(sev).length === 0 ? null : (
              <AccordionItem key={sev} value={sev}>
                <AccordionHeader>
                  {t(`review.severity.${sev}`)} ({by(sev).length})
                </AccordionHeader>
                <AccordionPanel>
                  <IssueList issues={by(sev)} />
                </AccordionPanel>
              </AccordionItem>
            ),
          )}
        </Accordion>
      )}
      {p?.previews.map((pv) => (
        <SheetTable key={pv.sheet} preview={pv} fields={fields} onChoose={choose} />
      ))}
    </section>
  );
}

function IssueList(props: { issues: Issue[] }): React.JSX.Element {
  const s = useStyles();
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <ul className={s.issues}>
      {props.issues.map((i, k) => (
        <li key={k} className={s.issue}>
          {i.cell && <span className={s.cell}>{i.sheet ? `${i.sheet}!${i.cell}` : i.cell}</span>}
          {en ? i.messageEn : i.message}
        </li>
      ))}
    </ul>
  );
}

function SheetTable(props: {
  preview: SheetPreview;
  fields: { name: string; title?: string }[];
  onChoose(sheet: string, col: string, field: string | null): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const s = useStyles();
  const pv = props.preview;
  const title = (name: string | null) =>
    name ? (props.fields.find((f) => f.name === name)?.title ?? name) : null;
  return (
    <>
      <h3 className={s.h3}>{t('review.preview')}</h3>
      <span className={s.sub}>
        {pv.found
          ? t('review.previewOf', { sheet: pv.sheet, shown: pv.rows.length, total: pv.total })
          : t('review.notFound', { sheet: pv.sheet })}
      </span>
      <div
        className={s.scroll}
        tabIndex={0}
        role="region"
        aria-label={`${t('review.preview')} — ${pv.sheet}`}
      >
        <table className={s.table}>
          <thead>
            <tr>
              <th className={s.th} scope="col">
                {t('review.row')}
              </th>
              {pv.columns.map((c) => (
                <th key={c.col} className={s.th} scope="col">
                  <span className={c.field ? s.field : s.unmapped}>
                    {title(c.field) ?? t('review.noField')}
                  </span>
                  {c.header ? `${c.col} · ${c.header}` : c.col}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pv.rows.map((r) => (
              <tr key={r.row}>
                <td className={s.td}>{r.row}</td>
                {r.cells.map((v, k) => (
                  <td key={k} className={s.td} title={v.length > CELL_CHARS ? v : undefined}>
                    {v.length > CELL_CHARS ? `${v.slice(0, CELL_CHARS)}…` : v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4 className={s.h4}>{t('review.columns')}</h4>
      <div className={s.cols}>
        {pv.columns.map((c) => (
          <Field
            key={c.col}
            label={
              c.header
                ? t('review.columnField', { col: c.col, header: c.header })
                : t('review.columnOnly', { col: c.col })
            }
            size="small"
          >
            <Select
              size="small"
              value={c.field ?? ''}
              onChange={(_, d) => props.onChoose(pv.sheet, c.col, d.value || null)}
            >
              <option value="">{t('review.noField')}</option>
              {props.fields.map((f) => (
                <option key={f.name} value={f.name}>
                  {f.title ?? f.name}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
    </>
  );
}
