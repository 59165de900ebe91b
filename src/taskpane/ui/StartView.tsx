/** "Tạo bảng tổng hợp": the letter, the deadline, the units it went to and the columns to collect. */
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultConfig } from '../../core/master/config-table';
import type { MasterModel } from '../../core/master/model';
import { defaultSchema } from '../../core/schema/default-schema';
import type { FieldDef } from '../../core/schema/types';
import { rosterFromText, rosterToText } from '../state/roster-text';
import { FilePicker } from './FilePicker';
import { readBytes } from './format';
import { useServices } from './services';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400 },
  p: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  fields: { display: 'flex', flexDirection: 'column', gap: 0, margin: 0, padding: 0, border: 'none' },
  field: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', alignItems: 'center' },
  roster: { '& textarea': { whiteSpace: 'pre', overflowX: 'auto' } },
});

/** Fields the engine cannot do without. */
const CORE_FIELDS = new Set(['ten', 'loai']);

export function StartView(props: { onCreated(model: MasterModel): void }): React.JSX.Element {
  const { t } = useTranslation();
  const s = useStyles();
  const { host, parser, today } = useServices();
  const [title, setTitle] = useState('');
  const [letterNo, setLetterNo] = useState('');
  const [letterDate, setLetterDate] = useState('');
  const [deadline, setDeadline] = useState('');
  const [dayCounts, setDayCounts] = useState(true);
  const [issuer, setIssuer] = useState('');
  const [rosterText, setRosterText] = useState('');
  const [fields, setFields] = useState<(FieldDef & { on: boolean })[]>(() =>
    defaultSchema().fields.map((f) => ({ ...f, on: true })),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [importProblems, setImportProblems] = useState<string[]>([]);
  const roster = useMemo(() => rosterFromText(rosterText), [rosterText]);

  // read in a parsing worker, like the returned lists
  const importRoster = async (file: File) => {
    setError(null);
    try {
      const got = await parser.readRoster(file.name, await readBytes(file));
      if (got.roster.units.length === 0) {
        setError(`${t('start.rosterNoName', { file: file.name })} ${got.problems.join(' ')}`.trim());
        return;
      }
      setRosterText(rosterToText(got.roster));
      setImportProblems(got.problems);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!deadline) return setError(t('start.needDeadline'));
    if (roster.roster.units.length === 0) return setError(t('start.needRoster'));
    const config = {
      ...defaultConfig(deadline, title.trim() || undefined),
      letterNo: letterNo.trim(),
      letterDate: letterDate || null,
      deadlineDayCounts: dayCounts,
      ...(issuer.trim() ? { issuer: issuer.trim() } : {}),
    };
    const schema = defaultSchema();
    schema.fields = fields.filter((f) => f.on).map(({ on: _on, ...f }) => f);
    const model: MasterModel = { config, roster: roster.roster, schema, rows: [], issues: [], log: [] };
    setBusy(true);
    try {
      await host.create(model, today(config.timeZone));
      props.onCreated(model);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const setField = (name: string, patch: Partial<FieldDef & { on: boolean }>) =>
    setFields((fs) => fs.map((f) => (f.name === name ? { ...f, ...patch } : f)));

  return (
    <form className={s.form} onSubmit={(e) => void submit(e)} aria-labelledby="start-title">
      <h2 id="start-title" className={s.h2}>
        {t('start.title')}
      </h2>
      <p className={s.p}>{t('start.intro')}</p>
      <Field label={t('start.campaignTitle')} hint={t('start.campaignTitleHint')}>
        <Input value={title} onChange={(_, d) => setTitle(d.value)} />
      </Field>
      <Field label={t('start.letterNo')} hint={t('start.letterNoHint')}>
        <Input value={letterNo} onChange={(_, d) => setLetterNo(d.value)} />
      </Field>
      <Field label={t('start.letterDate')}>
        <Input type="date" value={letterDate} onChange={(_, d) => setLetterDate(d.value)} />
      </Field>
      <Field label={t('start.deadline')} required>
        <Input type="date" value={deadline} onChange={(_, d) => setDeadline(d.value)} />
      </Field>
      <Checkbox
        checked={dayCounts}
        onChange={(_, d) => setDayCounts(d.checked === true)}
        label={t('start.deadlineDayCounts')}
      />
      <Field label={t('start.issuer')}>
        <Input value={issuer} onChange={(_, d) => setIssuer(d.value)} />
      </Field>
      <Field
        label={t('start.roster')}
        hint={`${t('start.rosterHint')} ${t('start.rosterCount', { count: roster.roster.units.length })}`}
        required
      >
        <Textarea
          className={s.roster}
          wrap="off"
          value={rosterText}
          onChange={(_, d) => setRosterText(d.value)}
          rows={8}
          resize="vertical"
        />
      </Field>
      <div className={s.row}>
        <FilePicker
          label={t('start.rosterImport')}
          accept=".csv,.xlsx,.xls,.ods"
          onFiles={(files) => void importRoster(files[0]!)}
        />
      </div>
      {[...importProblems, ...roster.problems].length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t('start.rosterProblems')}</MessageBarTitle>
            {[...importProblems, ...roster.problems].join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      <fieldset className={s.fields}>
        <legend className={s.h2}>{t('start.fields')}</legend>
        <p className={s.p}>{t('start.fieldsHint')}</p>
        {fields.map((f) => (
          <div key={f.name} className={s.field}>
            <Checkbox
              checked={f.on}
              disabled={CORE_FIELDS.has(f.name)}
              onChange={(_, d) => setField(f.name, { on: d.checked === true })}
              label={f.title ?? f.name}
            />
            <Checkbox
              checked={!!f.constraints?.required}
              disabled={CORE_FIELDS.has(f.name) || !f.on}
              aria-label={t('start.requiredOf', { label: f.title ?? f.name })}
              onChange={(_, d) =>
                setField(f.name, { constraints: { ...f.constraints, required: d.checked === true } })
              }
              label={t('start.required')}
            />
          </div>
        ))}
      </fieldset>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" type="submit" disabled={busy}>
        {busy ? <Spinner size="tiny" label={t('start.creating')} /> : t('start.create')}
      </Button>
    </form>
  );
}
