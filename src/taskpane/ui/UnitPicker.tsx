/** The sending unit of a file: a searchable dropdown of the roster (typing filters by name, accents optional). */
import { Combobox, Option, makeStyles } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldAccents, nameKey } from '../../core/text/key';

/** Search key: the name key without accents, so "khoai chau" finds "Khoái Châu". */
const searchKey = (s: string) => foldAccents(nameKey(s));
import type { Roster } from '../../core/units/roster';

const useStyles = makeStyles({ box: { minWidth: 0, width: '100%' }, list: { maxHeight: '260px' } });

export function UnitPicker(props: {
  roster: Roster;
  value: string | null;
  label: string;
  invalid?: boolean;
  onChange(unit: string): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const s = useStyles();
  const [query, setQuery] = useState<string | null>(null);
  const options = useMemo(() => {
    const q = query ? searchKey(query) : '';
    const all = props.roster.units;
    if (!q) return all;
    return all.filter(
      (u) => searchKey(u.name).includes(q) || u.aliases.some((a) => searchKey(a).includes(q)),
    );
  }, [props.roster, query]);
  return (
    <Combobox
      className={s.box}
      listbox={{ className: s.list }}
      aria-label={props.label}
      placeholder={t('card.unitPlaceholder')}
      value={query ?? props.value ?? ''}
      selectedOptions={props.value ? [props.value] : []}
      aria-invalid={props.invalid || undefined}
      onChange={(e) => setQuery(e.target.value)}
      onOptionSelect={(_, d) => {
        setQuery(null);
        if (d.optionValue) props.onChange(d.optionValue);
      }}
      onBlur={() => setQuery(null)}
    >
      {options.map((u) => (
        <Option key={u.name} value={u.name} text={u.name}>
          {u.name}
        </Option>
      ))}
    </Combobox>
  );
}
