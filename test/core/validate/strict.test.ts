/**
 * Strict mode against the Frictionless fixtures: the (row, field, type) triples of each case are
 * read from the corpus' expected_errors.json / inline_cases.json, never written here.
 */
import fs from 'fs';
import { corpusPath, describeCorpus } from '../../support/corpus';
import { parseSchema } from '../../../src/core/schema/parse-schema';
import type { TableSchema } from '../../../src/core/schema/types';
import { validateStrict, type StrictOptions, type StrictReport } from '../../../src/core/validate/strict';
import type { GridSheet } from '../../../src/core/grid';
import { listCsv, SAMPLE_NOMINEES } from '../../support/returned-list';
import { csvRecordWidths, loadCsv, loadFixture, loadSpreadsheet, sheetFromRows } from './load-fixture';

const ROOT = 'corpora/frictionless';

interface ExpectedCase {
  source: string;
  data_files: string[];
  options: string;
  flatten_columns: string[] | string;
  expected: unknown[][];
}

interface InlineCase {
  source: string;
  data: unknown[][];
  schema?: unknown;
  checklist?: { pick_errors?: string[]; skip_errors?: string[] };
  detector?: { schema_sync?: boolean };
  columns: string[];
  expected: unknown[][];
}

function expectedCases(): ExpectedCase[] {
  return JSON.parse(fs.readFileSync(corpusPath(ROOT, 'expected_errors.json'), 'utf8')) as ExpectedCase[];
}

function caseFor(test: string): ExpectedCase {
  const hits = expectedCases().filter((c) => c.source.endsWith(` ${test}`));
  if (hits.length === 0) throw new Error(`no expected case named ${test}`);
  return hits[0];
}

function schemaFile(name: string): TableSchema {
  const { schema, errors } = parseSchema(fs.readFileSync(corpusPath(ROOT, 'data', name), 'utf8'));
  expect(errors).toEqual([]);
  return schema;
}

function run(file: string, opts: Partial<StrictOptions> = {}): StrictReport {
  const wb = loadFixture(corpusPath(ROOT, 'data', file));
  return validateStrict(wb.sheets[0], { file, ...opts });
}

function flatten(report: StrictReport, columns: string[]): unknown[][] {
  return report.errors.map((e) =>
    columns.map((c) => {
      switch (c) {
        case 'rowNumber':
          return e.rowNumber;
        case 'fieldNumber':
          return e.fieldNumber;
        case 'fieldName':
          return e.fieldName;
        case 'type':
          return e.type;
        case 'note':
          return e.note;
        case 'cells':
          return e.cells;
        default:
          throw new Error(`unknown column ${c}`);
      }
    }),
  );
}

/** Each fixture case: the upstream test it comes from, and the options that test used. */
const FIXTURE_CASES: { test: string; file: string; opts?: () => Partial<StrictOptions> }[] = [
  { test: 'test_resource_validate_invalid', file: 'invalid.csv' },
  { test: 'test_resource_validate_blank_headers', file: 'blank-headers.csv' },
  { test: 'test_resource_validate_duplicate_headers', file: 'duplicate-headers.csv' },
  { test: 'test_resource_validate_defective_rows', file: 'defective-rows.csv' },
  { test: 'test_resource_validate_blank_rows', file: 'blank-rows.csv' },
  { test: 'test_resource_validate_blank_rows_multiple', file: 'blank-rows-multiple.csv' },
  { test: 'test_resource_validate_table_is_invalid_issue_312', file: 'issue-312.xlsx' },
  {
    test: 'test_resource_validate_invalid_limit_errors',
    file: 'invalid.csv',
    opts: () => ({ limitErrors: 3 }),
  },
  {
    test: 'test_resource_validate_structure_errors_with_limit_errors',
    file: 'structure-errors.csv',
    opts: () => ({ limitErrors: 3 }),
  },
  {
    test: 'test_resource_validate_pick_errors',
    file: 'invalid.csv',
    opts: () => ({ pickErrors: ['blank-label', 'blank-row'] }),
  },
  {
    test: 'test_resource_validate_pick_errors_tags',
    file: 'invalid.csv',
    opts: () => ({ pickErrors: ['#header'] }),
  },
  {
    test: 'test_resource_validate_skip_errors',
    file: 'invalid.csv',
    opts: () => ({ skipErrors: ['blank-label', 'blank-row'] }),
  },
  {
    test: 'test_resource_validate_skip_errors_tags',
    file: 'invalid.csv',
    opts: () => ({ skipErrors: ['#header'] }),
  },
  {
    test: 'test_resource_validate_schema_multiple_errors',
    file: 'schema-errors.csv',
    opts: () => ({ schema: schemaFile('schema-valid.json'), pickErrors: ['#row'], limitErrors: 3 }),
  },
  { test: 'test_resource_validate_no_data', file: 'empty.csv' },
  {
    test: 'test_resource_validate_schema_extra_headers_and_cells',
    file: 'table.csv',
    opts: () => ({ schema: { fields: [{ name: 'id', type: 'integer' }] } }),
  },
  {
    test: 'test_resource_validate_schema_unique_error',
    file: 'unique-field.csv',
    opts: () => ({ schema: schemaFile('unique-field.json'), pickErrors: ['unique-error'] }),
  },
  {
    test: 'test_resource_validate_schema_primary_key_error',
    file: 'unique-field.csv',
    opts: () => ({ schema: schemaFile('unique-field.json'), pickErrors: ['primary-key'] }),
  },
  {
    test: 'test_resource_validate_schema_primary_key_and_unique_error',
    file: 'unique-field.csv',
    opts: () => ({ schema: schemaFile('unique-field.json') }),
  },
  { test: 'test_validate_duplicate_row', file: 'duplicate-rows.csv', opts: () => ({ duplicateRows: true }) },
  { test: 'test_validate_duplicate_row_valid', file: 'table.csv', opts: () => ({ duplicateRows: true }) },
  {
    test: 'test_resource_validate_dialect_none_extra_cell',
    file: 'without-headers-extra.csv',
    opts: () => ({ header: false }),
  },
  {
    test: 'test_resource_validate_wide_table_with_order_fields_issue_277',
    file: 'issue-277.csv',
    opts: () => ({ schema: schemaFile('issue-277.json'), schemaSync: true }),
  },
];

describeCorpus(ROOT, 'strict mode on the Frictionless fixtures', () => {
  it.each(FIXTURE_CASES.map((c) => [c.test, c] as const))('%s', (_name, c) => {
    const expected = caseFor(c.test);
    const columns = Array.isArray(expected.flatten_columns)
      ? expected.flatten_columns
      : ['rowNumber', 'fieldNumber', 'type'];
    expect(expected.data_files.some((f) => f.endsWith(c.file))).toBe(true);
    const report = run(c.file, c.opts?.());
    expect(flatten(report, columns)).toEqual(expected.expected);
    expect(report.valid).toBe(expected.expected.length === 0);
    expect(report.issues).toHaveLength(report.errors.length);
  });

  it('the inferred schema on table.csv plus a required field "bad" reports the label and each row', () => {
    const expected = caseFor('test_resource_validate_less_actual_fields_with_required_constraint_issue_950');
    const inferred = run('table.csv').fields;
    const schema: TableSchema = {
      fields: [
        ...inferred.map((f) => ({
          name: f.name,
          type: f.type === 'integer' ? ('integer' as const) : ('string' as const),
        })),
        { name: 'bad', type: 'any', constraints: { required: true } },
      ],
    };
    const report = run('table.csv', { schema });
    expect(flatten(report, ['rowNumber', 'fieldNumber', 'type'])).toEqual(expected.expected);
  });

  it('says when the error limit cut the list, as frictionless does', () => {
    const report = run('invalid.csv', { limitErrors: 3 });
    expect(report.warnings).toEqual(['reached error limit: 3']);
    expect(run('invalid.csv').warnings).toEqual([]);
  });

  it('infers the fixture columns as frictionless does (integer ids, string names)', () => {
    expect(run('blank-rows.csv').fields.map((f) => [f.name, f.type])).toEqual([
      ['id', 'integer'],
      ['name', 'string'],
      ['age', 'integer'],
    ]);
    // blank and repeated labels get frictionless' names
    expect(run('invalid.csv').fields.map((f) => f.name)).toEqual(['id', 'name', 'field3', 'name2']);
    expect(run('duplicate-headers.csv').fields.map((f) => f.name)).toEqual([
      'id',
      'name',
      'id2',
      'age',
      'id3',
    ]);
  });

  it('gives each error as an issue with file, sheet, cell and a Vietnamese message', () => {
    const report = run('invalid.csv');
    const blank = report.issues.find((i) => i.code === 'blank-label');
    expect(blank).toMatchObject({ file: 'invalid.csv', cell: 'C1', row: 1, col: 3, severity: 'error' });
    const dup = report.issues.find((i) => i.code === 'duplicate-label');
    expect(dup?.message).toContain('„name”');
    expect(dup?.message).toContain('cột B');
    const missing = report.issues.filter((i) => i.code === 'missing-cell');
    expect(missing.map((i) => i.cell)).toEqual(['C2', 'D2', 'C3', 'D3']);
    expect(report.issues.find((i) => i.code === 'blank-row')?.message).toMatch(/dòng 4: dòng trống/);
    expect(report.issues.find((i) => i.code === 'extra-cell')?.cell).toBe('E5');
  });

  it('names the value and the expected type of a type error', () => {
    const report = run('schema-errors.csv', { schema: schemaFile('schema-valid.json') });
    const typeError = report.issues.find((i) => i.code === 'type-error');
    expect(typeError?.cell).toBe('A4');
    expect(typeError?.message).toContain('„i_should_be_a_number” không phải số nguyên hợp lệ cho „ID”');
    const required = report.issues.filter((i) => i.code === 'constraint-error' && i.row === 4);
    expect(required.map((i) => [i.cell, i.field])).toEqual([
      ['B4', 'name'],
      ['C4', 'age'],
      [null, 'id'], // the primary key (id) is empty: a row issue
    ]);
    expect(required[0].message).toContain('„Name”: bắt buộc, đang để trống');
    expect(required[2].message).toContain('khóa chính để trống');
  });

  it('reads a CSV row "1,2," as three cells and "1,2" as two', () => {
    const wb = loadCsv(new Uint8Array(Buffer.from('a,b,c\n1,2,\n1,2\n')), 'ragged.csv');
    const report = validateStrict(wb.sheets[0], { file: 'ragged.csv' });
    expect(report.errors.map((e) => [e.rowNumber, e.fieldNumber, e.type])).toEqual([[3, 3, 'missing-cell']]);
  });
});

describeCorpus(ROOT, 'strict mode on the Frictionless inline cases', () => {
  const file = () =>
    JSON.parse(fs.readFileSync(corpusPath(ROOT, 'inline_cases.json'), 'utf8')) as { cases: InlineCase[] };

  it('matches every inline case', () => {
    const cases = file().cases;
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const sheet = sheetFromRows(c.data);
      let schema: TableSchema | undefined;
      if (c.schema) {
        const parsed = parseSchema(c.schema);
        expect(parsed.errors).toEqual([]);
        schema = parsed.schema;
      }
      const report = validateStrict(sheet, {
        file: 'inline',
        ragged: true,
        schema,
        schemaSync: c.detector?.schema_sync,
        pickErrors: c.checklist?.pick_errors,
        skipErrors: c.checklist?.skip_errors,
      });
      expect({ source: c.source, errors: flatten(report, c.columns) }).toEqual({
        source: c.source,
        errors: c.expected,
      });
    }
  });
});

describeCorpus(ROOT, 'the fixture loaders', () => {
  it('the product reader and the plain SheetJS loader give the same grid for issue-312.xlsx', () => {
    const file = corpusPath(ROOT, 'data', 'issue-312.xlsx');
    const plain = loadSpreadsheet(new Uint8Array(fs.readFileSync(file)), 'issue-312.xlsx');
    const product = loadFixture(file);
    const texts = (s: GridSheet) => s.rows.map((r) => Array.from(r, (c) => (c ? [c.v, c.w ?? null] : null)));
    expect(texts(product.sheets[0])).toEqual(texts(plain.sheets[0]));
  });

  it('the CSV loader keeps the record shape frictionless reads', () => {
    expect(csvRecordWidths('id,name,,name\n1,english\n\n"a,\nb",2,\n,,\n')).toEqual([4, 2, 0, 3, 3]);
  });
});

describe('strict mode on a returned list saved as CSV', () => {
  it('a clean list passes, with the types frictionless would infer', () => {
    const wb = loadCsv(new Uint8Array(listCsv(SAMPLE_NOMINEES)), 'VanLam.csv');
    const report = validateStrict(wb.sheets[0], { file: 'VanLam.csv' });
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
    const types = Object.fromEntries(report.fields.map((f) => [f.name, f.type]));
    expect(types).toMatchObject({
      STT: 'integer',
      'Họ và tên': 'string',
      'Năm sinh': 'integer',
      'Ghi chú': 'any',
    });
  });

  it('a row with a cell too many and a blank line are reported with their rows', () => {
    const text = Buffer.from(listCsv(SAMPLE_NOMINEES)).toString('utf8').split('\r\n');
    text[2] = `${text[2]},thừa`;
    text.splice(4, 0, ',,,,,,,,');
    const wb = loadCsv(new Uint8Array(Buffer.from(text.join('\r\n'))), 'VanLam.csv');
    const report = validateStrict(wb.sheets[0], { file: 'VanLam.csv' });
    expect(report.errors.map((e) => [e.rowNumber, e.fieldNumber, e.type])).toEqual([
      [3, 10, 'extra-cell'],
      [5, null, 'blank-row'],
    ]);
    expect(report.issues[0].message).toBe(
      'Tệp „VanLam.csv”, trang „Sheet1”, ô J3: dòng có ô thừa, ngoài các cột của bảng.',
    );
  });
});
