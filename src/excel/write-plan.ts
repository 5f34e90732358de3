// Writes a WorkbookPlan into the open workbook through Office.js, in one Excel.run: one sync to read the names
// already taken, then every sheet queued and sent in as few requests as the 2 MB budget allows (one for any
// roster of a few thousand employees). Existing sheets are never touched; new sheet, table and defined names are
// unique ignoring case, and formulas follow their defined names when those had to change.
import type { WorkbookPlan } from "../sheets/plan";
import { ExcelWriteError, toExcelWriteError, withTimeout } from "./errors";
import { chooseNames, renamePlan } from "./naming";
import { REQUEST_BUDGET_BYTES, requestBytes } from "./payload";
import { writeSheet, type RequestBudget } from "./write-sheet";

export interface WrittenSheet {
  /** The plan's sheet id. */
  id: string;
  name: string;
  tableName?: string;
}

export interface WritePlanResult {
  sheets: WrittenSheet[];
  /** Defined names added, as written. */
  names: string[];
  /** context.sync() calls made. */
  syncs: number;
}

export interface WritePlanOptions {
  /** How long one sync may take before the write gives up with a "timeout" error; 60 s by default. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

/** Rejects with a "timeout" error if `promise` has not settled after `ms`. */

/** Counts and times out syncs; syncs early when the queued calls would pass the request budget. */
class Requests implements RequestBudget {
  syncs = 0;
  private pending = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly timeoutMs: number,
  ) {}

  async sync(): Promise<void> {
    this.syncs++;
    this.pending = 0;
    await withTimeout(this.context.sync(), this.timeoutMs);
  }

  /** Suspends recalculation for the request being queued (Office.js resumes it at each sync). */
  suspendCalculation(): void {
    this.context.workbook.application.suspendApiCalculationUntilNextSync();
    this.pending += requestBytes(1);
  }

  async reserve(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > REQUEST_BUDGET_BYTES) {
      await this.sync();
      this.suspendCalculation();
    }
    this.pending += bytes;
  }
}

/**
 * Adds the plan's sheets to the open workbook. Throws ExcelWriteError (code + zh/en text) for everything Excel
 * refuses; sheets and names added before a failure are removed again.
 */
export async function writeWorkbookPlan(plan: WorkbookPlan, options: WritePlanOptions = {}): Promise<WritePlanResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let started = false;
  try {
    const run = Excel.run(async (context) => {
      started = true;
      return write(context, plan, timeoutMs);
    });
    // Excel.run itself may never call back (Office not ready): give it the same time as one sync.
    const notStarted = new Promise<never>((_resolve, reject) => {
      const timer = setTimeout(() => {
        if (!started) reject(new ExcelWriteError("timeout", { seconds: Math.round(timeoutMs / 100) / 10 }));
      }, timeoutMs);
      void run.finally(() => clearTimeout(timer)).catch(() => undefined);
    });
    return await Promise.race([run, notStarted]);
  } catch (e) {
    throw toExcelWriteError(e);
  }
}

async function write(
  context: Excel.RequestContext,
  original: WorkbookPlan,
  timeoutMs: number,
): Promise<WritePlanResult> {
  const requests = new Requests(context, timeoutMs);
  const workbook = context.workbook;

  // One read: what is already taken.
  const worksheets = workbook.worksheets.load("items/name");
  const tables = workbook.tables.load("items/name");
  const names = workbook.names.load("items/name");
  const protection = workbook.protection.load("protected");
  await requests.sync();
  if (protection.protected) throw new ExcelWriteError("workbook_protected");

  const final = chooseNames(original, {
    sheets: worksheets.items.map((w) => w.name),
    names: [...names.items.map((n) => n.name), ...tables.items.map((t) => t.name)],
  });
  const plan = renamePlan(original, final.renames);
  const added = {
    sheets: plan.sheets.map((s) => final.sheets.get(s.id)!),
    names: plan.sheets.flatMap((s) => s.names.map((n) => n.name)),
  };

  try {
    requests.suspendCalculation();
    const targets: Array<{ plan: (typeof plan.sheets)[number]; worksheet: Excel.Worksheet }> = [];
    for (const sheet of plan.sheets) {
      await requests.reserve(requestBytes(1, final.sheets.get(sheet.id)));
      targets.push({ plan: sheet, worksheet: workbook.worksheets.add(final.sheets.get(sheet.id)) });
    }
    // Names before any formula, validation list or conditional format reads them.
    for (const { plan: sheet, worksheet } of targets) {
      for (const n of sheet.names) {
        await requests.reserve(requestBytes(2, n));
        workbook.names.add(n.name, worksheet.getRange(n.ref.replace(/\$/g, "")), n.comment);
      }
    }
    for (const { plan: sheet, worksheet } of targets) {
      await writeSheet(requests, { worksheet, plan: sheet, font: plan.font, tableName: final.tables.get(sheet.id) });
    }
    if (targets.length) {
      await requests.reserve(requestBytes(1));
      targets[0].worksheet.activate();
    }
    await requests.sync();
  } catch (e) {
    const error = toExcelWriteError(e);
    if (error.code !== "timeout" && error.code !== "cell_edit_mode") await removeAdded(context, added, timeoutMs);
    throw error;
  }

  return {
    sheets: plan.sheets.map((s) => ({ id: s.id, name: final.sheets.get(s.id)!, tableName: final.tables.get(s.id) })),
    names: added.names,
    syncs: requests.syncs,
  };
}

/** Best effort: deletes the names and sheets this write added, so a failure leaves the workbook as it was. */
async function removeAdded(
  context: Excel.RequestContext,
  added: { sheets: string[]; names: string[] },
  timeoutMs: number,
): Promise<void> {
  try {
    const sheetNames = new Set(added.sheets.map((n) => n.toLowerCase()));
    const definedNames = new Set(added.names.map((n) => n.toLowerCase()));
    const worksheets = context.workbook.worksheets.load("items/name");
    const names = context.workbook.names.load("items/name");
    await withTimeout(context.sync(), timeoutMs);
    for (const n of names.items) if (definedNames.has(n.name.toLowerCase())) n.delete();
    for (const w of worksheets.items) if (sheetNames.has(w.name.toLowerCase())) w.delete();
    await withTimeout(context.sync(), timeoutMs);
  } catch {
    // The original error is what the user needs to see.
  }
}
