/**
 * office-addin-mock (Microsoft's mock of Office.js objects) loads under jest next to the fake (its
 * ESM-only dependencies are mapped in jest.config.js) and runs the same add-in code. It is much
 * looser than the fake — an unsynced property reads as an error STRING, writes land at once — which
 * is why the gateway's tests use the fake.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { createFakeExcel, ErrorCodes, FakeOfficeError } from '../support/fake-excel';

interface MinimalExcel {
  run<T>(
    batch: (ctx: {
      workbook: {
        worksheets: {
          getItem(n: string): { getRange(a: string): { address: string; load(p: string): unknown } };
        };
      };
      sync(): Promise<unknown>;
    }) => Promise<T>,
  ): Promise<T>;
}

/** Add-in code: reads a range's address properly (load, sync, read) or forgets the sync. */
async function address(excel: MinimalExcel, sync: boolean): Promise<string> {
  return excel.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('C2');
    r.load('address');
    if (sync) await ctx.sync();
    return r.address;
  });
}

function officeAddinMock(): MinimalExcel {
  const data = {
    context: {
      workbook: {
        worksheets: {
          sheet: {
            range: { address: 'Sheet1!C2' },
            getRange(this: { range: unknown }) {
              return this.range;
            },
          },
          getItem(this: { sheet: unknown }) {
            return this.sheet;
          },
        },
      },
    },
    run: async function (this: { context: unknown }, batch: (ctx: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  };
  return new OfficeMockObject(data) as unknown as MinimalExcel;
}

test('the same add-in code runs on office-addin-mock and on the fake', async () => {
  const fake = createFakeExcel();
  const restore = fake.installGlobals();
  try {
    expect(await address(officeAddinMock(), true)).toBe('Sheet1!C2');
    expect(await address((globalThis as Record<string, unknown>).Excel as MinimalExcel, true)).toBe(
      'Sheet1!C2',
    );
  } finally {
    restore();
  }
  expect((globalThis as Record<string, unknown>).Excel).toBeUndefined();
});

test('a forgotten sync: office-addin-mock returns an error string, the fake throws like Office.js', async () => {
  expect(await address(officeAddinMock(), false)).toBe('Error, context.sync() was not called');
  const fake = createFakeExcel();
  const e = await address(fake.Excel as unknown as MinimalExcel, false).catch((err: unknown) => err);
  expect(e).toBeInstanceOf(FakeOfficeError);
  expect((e as FakeOfficeError).code).toBe(ErrorCodes.propertyNotLoaded);
});
