/**
 * The write plan of a whole master (GUIDE §3): every sheet, in the guide's order, from the model.
 * Theo dõi, Báo cáo and the cross-unit checks are derived here, each time, so they always agree with
 * the rows.
 */
import type { IsoDate } from '../campaign/deadline';
import type { SheetPlan, WritePlan } from '../plan/write-plan';
import { configRows } from './config-table';
import { crossUnitDuplicates } from './cross-duplicates';
import {
  issueColumns,
  issueValues,
  logColumns,
  logValues,
  rosterColumns,
  rosterValues,
  rowColumns,
  rowValues,
  trackerColumns,
  trackerValues,
  ROW_COLS,
  SEVERITY_VI,
} from './data-tables';
import { fieldsRows } from './fields-table';
import { SHEETS, STATUS_VI, type MasterModel } from './model';
import { buildReportSheet } from './report-sheet';
import { computeTracker } from './tracker';

export const MASTER_FONT = { name: 'Times New Roman', size: 12 } as const;

const TABLE_STYLE = 'TableStyleMedium2';

/** Light red / light yellow / light orange fills of Excel's built-in "bad", "neutral" styles. */
const BAD = { fill: 'FFC7CE', fontColor: '9C0006' };
const NEUTRAL = { fill: 'FFEB9C', fontColor: '9C5700' };
const LATE = { fill: 'FCE4D6', fontColor: '833C0B' };

export function buildWritePlan(model: MasterModel, today: IsoDate): WritePlan {
  const tracker = computeTracker(model);
  const cross = crossUnitDuplicates(model.rows);
  const config = configRows(model.config);
  const fields = fieldsRows(model.schema);
  const title = model.config.title;

  const sheets: SheetPlan[] = [
    {
      name: SHEETS.config.sheet,
      font: MASTER_FONT,
      freezeRows: 1,
      table: {
        name: SHEETS.config.table,
        headerRow: 0,
        columns: config.columns,
        rows: config.rows,
        style: TABLE_STYLE,
      },
    },
    {
      name: SHEETS.roster.sheet,
      font: MASTER_FONT,
      freezeRows: 1,
      table: {
        name: SHEETS.roster.table,
        headerRow: 0,
        columns: rosterColumns(model.roster),
        rows: rosterValues(model.roster),
        style: TABLE_STYLE,
      },
    },
    {
      name: SHEETS.fields.sheet,
      font: MASTER_FONT,
      freezeRows: 1,
      table: {
        name: SHEETS.fields.table,
        headerRow: 0,
        columns: fields.columns,
        rows: fields.rows,
        style: TABLE_STYLE,
      },
    },
    {
      name: SHEETS.rows.sheet,
      font: MASTER_FONT,
      title,
      freezeRows: 2,
      tabColor: '2F5597',
      table: {
        name: SHEETS.rows.table,
        headerRow: 1,
        columns: rowColumns(model.schema, model.rows),
        rows: rowValues(model.schema, model.rows, cross.notes),
        style: TABLE_STYLE,
        conditionalFormats: [
          { column: ROW_COLS.status, when: { equals: ['Có lỗi'] }, wholeRow: true, style: BAD },
          { column: ROW_COLS.status, when: { equals: ['Cần xem'] }, wholeRow: true, style: NEUTRAL },
        ],
      },
    },
    {
      name: SHEETS.tracker.sheet,
      font: MASTER_FONT,
      title: `Theo dõi tiếp nhận — ${title}`,
      freezeRows: 2,
      tabColor: 'C55A11',
      table: {
        name: SHEETS.tracker.table,
        headerRow: 1,
        columns: trackerColumns(),
        rows: trackerValues(tracker),
        style: TABLE_STYLE,
        conditionalFormats: [
          { column: 'Tình trạng', when: { equals: [STATUS_VI.missing] }, wholeRow: true, style: BAD },
          { column: 'Tình trạng', when: { equals: [STATUS_VI.late] }, wholeRow: true, style: LATE },
        ],
      },
    },
    buildReportSheet({
      config: model.config,
      roster: model.roster,
      tracker,
      rows: model.rows,
      schema: model.schema,
      today,
    }),
    {
      name: SHEETS.issues.sheet,
      font: MASTER_FONT,
      freezeRows: 1,
      table: {
        name: SHEETS.issues.table,
        headerRow: 0,
        columns: issueColumns(),
        rows: issueValues([...model.issues, ...cross.issues]),
        style: TABLE_STYLE,
        conditionalFormats: [
          { column: 'Mức độ', when: { equals: [SEVERITY_VI.error] }, wholeRow: false, style: BAD },
          { column: 'Mức độ', when: { equals: [SEVERITY_VI.warning] }, wholeRow: false, style: NEUTRAL },
        ],
      },
    },
    {
      name: SHEETS.log.sheet,
      font: MASTER_FONT,
      freezeRows: 1,
      table: {
        name: SHEETS.log.table,
        headerRow: 0,
        columns: logColumns(),
        rows: logValues(model.log),
        style: TABLE_STYLE,
      },
    },
  ];
  return { sheets };
}
