/**
 * The workbook open in Excel, through the gateway in src/excel (the only code that talks to Excel). Reading a
 * pasted sheet needs SheetJS's number formats, so that part of the gateway is loaded when first used.
 */
import type { ExcelApi, OfficeApi } from '../../excel/office-api';
import { createCampaign } from '../../excel/gateway';
import { mergeFiles } from '../../excel/merge-in-excel';
import { goToSheet, goToUnitRows } from '../../excel/navigate';
import { readMaster } from '../../excel/read-master';
import { rebuildTrackerAndReport } from '../../excel/rebuild';
import type { WorkbookHost } from './workbook-host';

export function excelHost(excel: ExcelApi, office: OfficeApi, language: string): WorkbookHost {
  return {
    kind: 'excel',
    language,
    async read() {
      const r = await readMaster(excel);
      return { model: r.model, problems: r.problems };
    },
    async create(model, today) {
      await createCampaign(excel, model, today, { office });
    },
    merge: (lists, opts) => mergeFiles(excel, lists, { ...opts, office }),
    async rebuildReport(today) {
      await rebuildTrackerAndReport(excel, today, { office });
    },
    async goToUnit(unit) {
      return (await goToUnitRows(excel, unit, { office })).rows;
    },
    async goToPart(part) {
      await goToSheet(excel, part, { office });
    },
    async readActiveSheet() {
      const { readActiveSheet } = await import(
        /* webpackChunkName: "active-sheet" */ '../../excel/active-sheet'
      );
      return readActiveSheet(excel, { office });
    },
  };
}
