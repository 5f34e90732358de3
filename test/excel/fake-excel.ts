// A fake Excel host for the Office.js writer: `Excel.run`, request contexts and proxy objects that behave like
// Office.js where the writer depends on it.
// - Every object is a Proxy that throws on a member the real API lacks (or this fake does not implement): the
//   allow-lists below are checked against @types/office-js by test/excel/fake-excel.test.ts.
// - Calls are queued and run at context.sync(), in order; the first error rejects the sync, as in Excel.
// - Reading a property needs load() and a sync first (PropertyNotLoaded otherwise).
// - Excel's refusals: locked cells of a protected sheet, protect() twice, a table over merged cells, invalid or
//   duplicate names (ignoring case), a request over 5 MB.
// - It counts syncs, calls and request bytes, and records the workbook (fake-excel-model.ts); fake-excel-xlsx.ts
//   exports it to .xlsx.
// No Node import: a browser page can install it in place of Office.
import {
  FakeOfficeError,
  FakeWorkbookModel,
  MAX_COLS,
  MAX_ROWS,
  officeError,
  parseArea,
  rectAddress,
  checkFormula,
  intersects,
  quoteSheetName,
  typeLikeExcel,
  type CellFormat,
  type FakeConditionalFormat,
  type FakeName,
  type FakeSheet,
  type FakeTable,
  type FakeValidation,
  type Rect,
} from "./fake-excel-model";
import { r1c1ToA1 } from "../../src/sheets/a1";
import { DEFAULT_FORMAT } from "./fake-excel-model";

export * from "./fake-excel-model";

// ---------------------------------------------------------------------------------------------------------------
// What the fake implements, by Office.js class: readable ("r") or writable ("rw") properties, navigation
// properties (objects reached without a sync) and methods. Every ClientObject also has load, toJSON and
// isNullObject.

export interface ApiClass {
  /** false for the few classes without load() (WorksheetFreezePanes). */
  load?: false;
  props?: Record<string, "r" | "rw">;
  nav?: string[];
  methods?: string[];
}

export const API = {
  RequestContext: { nav: ["workbook"], methods: ["sync"] },
  Workbook: { nav: ["worksheets", "names", "tables", "application", "protection"], methods: ["getSelectedRange"] },
  Application: { methods: ["suspendApiCalculationUntilNextSync", "calculate"] },
  WorkbookProtection: { props: { protected: "r" }, methods: ["protect", "unprotect"] },
  WorksheetCollection: {
    props: { items: "r" },
    methods: ["add", "getItem", "getItemOrNullObject", "getActiveWorksheet"],
  },
  Worksheet: {
    props: { name: "rw", id: "r", position: "r" },
    nav: ["tables", "freezePanes", "pageLayout", "protection"],
    methods: ["getRange", "getRangeByIndexes", "getRanges", "activate", "delete", "getUsedRangeOrNullObject"],
  },
  Range: {
    props: {
      values: "rw",
      formulas: "rw",
      formulasR1C1: "rw",
      numberFormat: "rw",
      address: "r",
      rowCount: "r",
      columnCount: "r",
    },
    nav: ["format", "dataValidation", "conditionalFormats", "worksheet"],
    methods: ["merge", "select", "getUsedRangeOrNullObject", "getMergedAreasOrNullObject", "unmerge", "clear"],
  },
  RangeAreas: { props: { address: "r" }, nav: ["format"] },
  RangeFormat: {
    props: { columnWidth: "rw", rowHeight: "rw", horizontalAlignment: "rw", verticalAlignment: "rw", wrapText: "rw" },
    nav: ["font", "fill", "borders", "protection"],
  },
  RangeFont: { props: { name: "rw", size: "rw", bold: "rw", color: "rw" } },
  RangeFill: { props: { color: "rw" }, methods: ["clear"] },
  RangeBorderCollection: { methods: ["getItem"] },
  RangeBorder: { props: { style: "rw", color: "rw", weight: "rw" } },
  FormatProtection: { props: { locked: "rw" } },
  DataValidation: { props: { rule: "rw", prompt: "rw", errorAlert: "rw", ignoreBlanks: "rw", type: "r" } },
  ConditionalFormatCollection: { methods: ["add"] },
  ConditionalFormat: { props: { type: "r" }, nav: ["custom"] },
  CustomConditionalFormat: { nav: ["rule", "format"] },
  ConditionalFormatRule: { props: { formula: "rw" } },
  ConditionalRangeFormat: { nav: ["fill"] },
  ConditionalRangeFill: { props: { color: "rw" } },
  NamedItemCollection: { props: { items: "r" }, methods: ["add", "getItem", "getItemOrNullObject"] },
  NamedItem: { props: { name: "r", formula: "r", comment: "r" }, methods: ["delete", "getRange"] },
  TableCollection: { props: { items: "r" }, methods: ["add", "getItemOrNullObject"] },
  Table: {
    props: { name: "rw", showFilterButton: "rw", showBandedRows: "rw", style: "rw" },
    nav: ["rows"],
    methods: ["getRange"],
  },
  TableRowCollection: { methods: ["add"] },
  WorksheetFreezePanes: { load: false, methods: ["freezeAt", "freezeRows", "freezeColumns"] },
  PageLayout: {
    props: { orientation: "rw", paperSize: "rw", zoom: "rw" },
    nav: ["headersFooters"],
    methods: ["setPrintTitleRows"],
  },
  HeaderFooterGroup: { nav: ["defaultForAllPages"] },
  HeaderFooter: { props: { centerHeader: "rw", centerFooter: "rw" } },
  WorksheetProtection: { props: { protected: "r", options: "r" }, methods: ["protect", "unprotect"] },
} satisfies Record<string, ApiClass>;

export type ApiClassName = keyof typeof API;

/** Members every ClientObject has (load only where the class declares it). */
export const CLIENT_OBJECT_MEMBERS = { methods: ["load", "toJSON"], props: { isNullObject: "r" } } as const;

/** The enums the writer reads from the global Excel, with the values @types/office-js gives them. */
export const ENUMS = {
  CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
  ConditionalFormatType: { custom: "Custom" },
  DataValidationOperator: { between: "Between", greaterThanOrEqualTo: "GreaterThanOrEqualTo" },
  DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
  PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
  PaperType: { a4: "A4" },
  ProtectionSelectionMode: { normal: "Normal", unlocked: "Unlocked", none: "None" },
  BorderIndex: {
    edgeTop: "EdgeTop",
    edgeBottom: "EdgeBottom",
    edgeLeft: "EdgeLeft",
    edgeRight: "EdgeRight",
    insideVertical: "InsideVertical",
    insideHorizontal: "InsideHorizontal",
  },
  BorderLineStyle: { none: "None", continuous: "Continuous" },
  BorderWeight: { thin: "Thin", medium: "Medium" },
  HorizontalAlignment: { general: "General", left: "Left", center: "Center", right: "Right" },
  VerticalAlignment: { top: "Top", center: "Center", bottom: "Bottom" },
  ErrorCodes: {
    accessDenied: "AccessDenied",
    invalidArgument: "InvalidArgument",
    invalidOperation: "InvalidOperation",
    itemAlreadyExists: "ItemAlreadyExists",
    itemNotFound: "ItemNotFound",
    invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
  },
} as const;

/** Thrown synchronously when code uses a member Office.js does not have: a bug in the caller, not an Excel error. */
export class FakeApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FakeApiError";
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The host

export interface FakeExcelOptions {
  /** Excel on the web refuses larger requests: 5 MB. */
  requestLimitBytes?: number;
  /** Excel on the web fails a sync whose response (the loaded properties, as JSON) is larger: 5 MB. */
  responseLimitBytes?: number;
  /** The n-th sync (1-based, counted over the host's life) never settles. */
  hangOnSync?: number;
  /** Every sync fails as when the user is typing in a cell. */
  cellEditMode?: boolean;
  /** The year Excel gives a typed date without one (1/2 → 2 January of this year). */
  year?: number;
}

export interface FakeRequest {
  calls: number;
  bytes: number;
  calculationSuspended: boolean;
  /** Calls by member, e.g. "Range.values": 3. */
  members: Record<string, number>;
  /** The response: UTF-8 bytes of the JSON of every property loaded (collections' items not counted). */
  responseBytes?: number;
}

export interface FakeStats {
  syncs: number;
  apiCalls: number;
  requests: FakeRequest[];
}

interface Op {
  member: string;
  bytes: number;
  run: () => void;
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a loaded value's JSON. */
function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : encoder.encode(JSON.stringify(value)).length;
}

export class FakeExcel {
  readonly model = new FakeWorkbookModel();
  readonly stats: FakeStats = { syncs: 0, apiCalls: 0, requests: [] };
  readonly options: Required<FakeExcelOptions>;
  /** Proxy → the object behind it. */
  readonly targets = new WeakMap<object, FakeObject>();

  constructor(options: FakeExcelOptions = {}) {
    this.options = {
      requestLimitBytes: 5 * 1024 * 1024,
      responseLimitBytes: 5 * 1024 * 1024,
      hangOnSync: 0,
      cellEditMode: false,
      year: 2026,
      ...options,
    };
  }

  /** The global `Excel` the writer uses: run and enums; anything else throws. */
  get namespace(): typeof Excel {
    const ns: Record<string, unknown> = {
      run: (...args: unknown[]) =>
        this.run(args[args.length - 1] as (context: Excel.RequestContext) => Promise<unknown>),
    };
    for (const [name, values] of Object.entries(ENUMS)) ns[name] = strict(`Excel.${name}`, values);
    return strict("Excel", ns) as unknown as typeof Excel;
  }

  /** Installs `Excel` as a global (what Office.js provides); returns the function that restores the previous one. */
  install(): () => void {
    const g = globalThis as { Excel?: unknown };
    const previous = g.Excel;
    g.Excel = this.namespace;
    return () => {
      g.Excel = previous;
    };
  }

  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const context = new FakeContext(this);
    try {
      const result = await batch(context.proxy as unknown as Excel.RequestContext);
      // Excel.run sends what is still queued when the batch returns.
      if (context.queue.length) await context.sync();
      return result;
    } finally {
      context.open = false;
    }
  }

  resetStats(): void {
    Object.assign(this.stats, { syncs: 0, apiCalls: 0, requests: [] });
  }

  bytesOf(member: string, args: unknown[]): number {
    const plain = args.map((a) =>
      typeof a === "object" && a !== null && this.targets.has(a) ? { ref: this.targets.get(a)!.cls } : a,
    );
    return encoder.encode(JSON.stringify({ m: member, a: plain })).length + 48;
  }
}

/** An object whose unknown members throw (enums and the Excel namespace). */
function strict<T extends object>(label: string, target: T): T {
  return new Proxy(target, {
    get(t, prop) {
      if (typeof prop === "symbol" || prop === "then" || prop === "toJSON") return Reflect.get(t, prop);
      if (!(prop in t)) throw new FakeApiError(`${label} has no member "${prop}" (or the fake does not provide it)`);
      return Reflect.get(t, prop);
    },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Proxy objects

/** What load() takes: "a, b", ["a", "b"], { select: "a,b" } or nothing (every scalar property). */
type Load = unknown;

function loadList(option: Load): string[] | undefined {
  if (option === undefined || option === null) return undefined;
  let list: string[];
  if (typeof option === "string") list = option.split(",");
  else if (Array.isArray(option)) list = option.map(String);
  else if (typeof option === "object" && "select" in option) {
    const select = (option as { select?: unknown }).select;
    list = typeof select === "string" ? select.split(",") : Array.isArray(select) ? select.map(String) : [];
  } else return undefined;
  return list.map((p) => p.trim()).filter(Boolean);
}

abstract class FakeObject {
  readonly loaded = new Map<string, unknown>();
  readonly proxy: object;
  private readonly navs = new Map<string, object>();

  constructor(
    readonly ctx: FakeContext,
    readonly cls: ApiClassName,
  ) {
    const spec: ApiClass = API[cls];
    const self = this;
    this.proxy = new Proxy(this, {
      get(target, prop) {
        if (typeof prop === "symbol") return undefined;
        // Awaiting a proxy, or printing one, must not throw.
        if (prop === "then") return undefined;
        if (prop === "toJSON") return () => Object.fromEntries(target.loaded);
        if (prop === "context") return target.ctx.proxy;
        if (prop === "isNullObject") return target.readLoaded(prop);
        if (prop === "load" && spec.load !== false) return (option?: Load) => target.load(option);
        if (spec.methods?.includes(prop)) {
          const method = (target as unknown as Record<string, (...a: unknown[]) => unknown>)[prop];
          return (...args: unknown[]) => {
            target.ctx.ensureOpen();
            return method.apply(target, args);
          };
        }
        if (spec.nav?.includes(prop)) {
          if (!target.navs.has(prop)) target.navs.set(prop, target.navigate(prop).proxy);
          return target.navs.get(prop);
        }
        if (spec.props && prop in spec.props) return target.readLoaded(prop);
        throw new FakeApiError(`Excel.${cls} has no member "${prop}" (or the fake does not implement it)`);
      },
      set(target, prop, value) {
        if (typeof prop === "string" && spec.props && (spec.props as Record<string, string>)[prop] === "rw") {
          target.ctx.ensureOpen();
          target.ctx.queueCall(`${cls}.${prop}`, [value], () => target.write(prop, value));
          return true;
        }
        throw new FakeApiError(
          `Excel.${cls}.${String(prop)} cannot be set (or the fake does not implement setting it)`,
        );
      },
      has(_target, prop) {
        return (
          typeof prop === "string" &&
          (Boolean(spec.props && prop in spec.props) ||
            Boolean(spec.nav?.includes(prop)) ||
            Boolean(spec.methods?.includes(prop)))
        );
      },
    });
    ctx.host.targets.set(this.proxy, self);
  }

  get host(): FakeExcel {
    return this.ctx.host;
  }

  get model(): FakeWorkbookModel {
    return this.ctx.host.model;
  }

  readLoaded(prop: string): unknown {
    if (!this.loaded.has(prop)) {
      throw officeError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(prop);
  }

  /** Returns the proxy (typed by each class as itself). */
  load(option?: Load): any {
    this.ctx.ensureOpen();
    const props = this.loadable(loadList(option));
    this.ctx.queueCall(`${this.cls}.load`, [props], () => {
      for (const p of props) this.loaded.set(p, this.read(p));
      for (const p of props) this.ctx.responseBytes += jsonBytes(this.loaded.get(p));
    });
    return this.proxy;
  }

  /** Checks requested properties exist; all readable scalar properties when none are named. */
  protected loadable(requested: string[] | undefined): string[] {
    const props = (API[this.cls] as ApiClass).props ?? {};
    const list = requested ?? Object.keys(props).filter((p) => p !== "items");
    for (const p of list) if (!(p in props)) throw new FakeApiError(`Excel.${this.cls} has no property "${p}" to load`);
    return list;
  }

  protected read(prop: string): unknown {
    throw new FakeApiError(`The fake cannot load Excel.${this.cls}.${prop}`);
  }

  protected write(prop: string, _value: unknown): void {
    throw new FakeApiError(`The fake cannot set Excel.${this.cls}.${prop}`);
  }

  protected navigate(prop: string): FakeObject {
    throw new FakeApiError(`The fake cannot reach Excel.${this.cls}.${prop}`);
  }

  /** Queues a call; `run` happens at sync. */
  protected queue(member: string, args: unknown[], run: () => void = () => undefined): void {
    this.ctx.queueCall(`${this.cls}.${member}`, args, run);
  }

  protected targetOf(proxy: unknown): FakeObject | undefined {
    return typeof proxy === "object" && proxy !== null ? this.host.targets.get(proxy) : undefined;
  }
}

/** The cells an object acts on: a sheet and rectangles, resolved at sync (the sheet may be added in the same request). */
interface Cells {
  sheet: () => FakeSheet;
  rects: () => Rect[];
}

class FakeContext {
  open = true;
  queue: Op[] = [];
  /** Bytes of the response to the request being run. */
  responseBytes = 0;
  readonly proxy: object;
  private workbook?: FakeWorkbook;

  constructor(readonly host: FakeExcel) {
    const self = this;
    this.proxy = new Proxy(this, {
      get(target, prop) {
        if (typeof prop === "symbol" || prop === "then") return undefined;
        if (prop === "workbook") return (target.workbook ??= new FakeWorkbook(self)).proxy;
        if (prop === "sync") return () => target.sync();
        throw new FakeApiError(`Excel.RequestContext has no member "${prop}" (or the fake does not implement it)`);
      },
      set(_t, prop) {
        throw new FakeApiError(`Excel.RequestContext.${String(prop)} cannot be set`);
      },
    });
  }

  ensureOpen(): void {
    if (!this.open)
      throw officeError(
        "InvalidRequestContext",
        "Cannot use the object across different request contexts (its Excel.run has ended).",
      );
  }

  queueCall(member: string, args: unknown[], run: () => void): void {
    this.host.stats.apiCalls++;
    this.queue.push({ member, bytes: this.host.bytesOf(member, args), run });
  }

  async sync(): Promise<void> {
    this.ensureOpen();
    const host = this.host;
    host.stats.syncs++;
    const ops = this.queue.splice(0);
    const members: Record<string, number> = {};
    for (const op of ops) members[op.member] = (members[op.member] ?? 0) + 1;
    const request: FakeRequest = {
      calls: ops.length,
      bytes: ops.reduce((n, op) => n + op.bytes, 0),
      calculationSuspended: ops.some((op) => op.member === "Application.suspendApiCalculationUntilNextSync"),
      members,
    };
    host.stats.requests.push(request);
    await Promise.resolve();
    if (host.options.hangOnSync === host.stats.syncs) return new Promise<void>(() => undefined);
    if (host.options.cellEditMode)
      throw officeError(
        "InvalidOperationInCellEditMode",
        "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
      );
    if (request.bytes > host.options.requestLimitBytes) {
      throw officeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${request.bytes} bytes) has exceeded the limit (${host.options.requestLimitBytes} bytes).`,
      );
    }
    this.responseBytes = 0;
    for (const op of ops) {
      try {
        op.run();
      } catch (e) {
        if (e instanceof FakeOfficeError) e.debugInfo.errorLocation = op.member;
        throw e;
      }
    }
    request.responseBytes = this.responseBytes;
    if (this.responseBytes > host.options.responseLimitBytes) {
      throw officeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${this.responseBytes} bytes) has exceeded the limit (${host.options.responseLimitBytes} bytes).`,
      );
    }
  }
}

class FakeWorkbook extends FakeObject {
  constructor(context: FakeContext) {
    super(context, "Workbook");
  }

  protected override navigate(prop: string): FakeObject {
    const c = this.ctx;
    switch (prop) {
      case "worksheets":
        return new FakeWorksheetCollection(c);
      case "names":
        return new FakeNamedItemCollection(c);
      case "tables":
        return new FakeTableCollection(c);
      case "application":
        return new FakeApplication(c);
      case "protection":
        return new FakeWorkbookProtection(c);
    }
    return super.navigate(prop);
  }

  /** The active sheet's selection (A1 until Range.select() chose another). */
  getSelectedRange(): Excel.Range {
    this.queue("getSelectedRange", []);
    const sheet = () => activeSheet(this.model);
    return new FakeRange(this.ctx, {
      sheet,
      rects: () => [this.model.selections.get(sheet().id) ?? { r1: 1, c1: 1, r2: 1, c2: 1 }],
    }).proxy as Excel.Range;
  }
}

function activeSheet(model: FakeWorkbookModel): FakeSheet {
  return (
    (model.activeSheetId ? model.sheetById(model.activeSheetId) : undefined) ??
    model.sheets[0] ??
    fail("ItemNotFound", "The workbook has no worksheet.")
  );
}

class FakeApplication extends FakeObject implements Partial<Excel.Application> {
  constructor(context: FakeContext) {
    super(context, "Application");
  }

  suspendApiCalculationUntilNextSync(): void {
    this.queue("suspendApiCalculationUntilNextSync", []);
  }

  /** Recorded in model.calculations (the fake does not calculate). */
  calculate(calculationType: string): void {
    this.queue("calculate", [calculationType], () => {
      this.model.calculations.push(
        checkOneOf(calculationType, ["Recalculate", "Full", "FullRebuild"], "calculation type"),
      );
    });
  }
}

class FakeWorkbookProtection extends FakeObject implements Partial<Excel.WorkbookProtection> {
  constructor(context: FakeContext) {
    super(context, "WorkbookProtection");
  }

  protected override read(prop: string): unknown {
    if (prop === "protected") return this.model.protection.protected;
    return super.read(prop);
  }

  protect(password?: string): void {
    this.queue("protect", [password], () => {
      if (this.model.protection.protected) throw officeError("InvalidOperation", "The workbook is already protected.");
      this.model.protection = { protected: true, password };
    });
  }

  unprotect(password?: string): void {
    this.queue("unprotect", [password], () => {
      const p = this.model.protection;
      if (p.protected && (p.password ?? "") !== (password ?? ""))
        throw officeError("AccessDenied", "The password is not correct.");
      this.model.protection = { protected: false };
    });
  }
}

class FakeWorksheetCollection extends FakeObject {
  constructor(context: FakeContext) {
    super(context, "WorksheetCollection");
  }

  protected override loadable(requested: string[] | undefined): string[] {
    // Collections load their items: "items/name" or "name" both mean the items' names.
    const itemProps = (requested ?? ["name"]).map((p) => p.replace(/^items\//, "")).filter((p) => p !== "items");
    for (const p of itemProps)
      if (!(p in API.Worksheet.props)) throw new FakeApiError(`Excel.Worksheet has no property "${p}" to load`);
    return ["items", ...itemProps.map((p) => `items/${p}`)];
  }

  override load(option?: Load): any {
    this.ctx.ensureOpen();
    const props = this.loadable(loadList(option))
      .filter((p) => p !== "items")
      .map((p) => p.slice("items/".length));
    this.queue("load", [props], () => {
      const items = this.model.sheets.map((sheet) => {
        const ws = new FakeWorksheet(this.ctx, () => sheet);
        for (const p of props) ws.loaded.set(p, ws.readNow(p));
        return ws.proxy;
      });
      this.loaded.set("items", items);
    });
    return this.proxy;
  }

  add(name?: string): Excel.Worksheet {
    let created: FakeSheet | undefined;
    const ws = new FakeWorksheet(
      this.ctx,
      () => created ?? fail("InvalidObjectPath", "The worksheet was never added."),
    );
    this.queue("add", [name], () => {
      created = this.model.addSheet(name);
    });
    return ws.proxy as Excel.Worksheet;
  }

  getItem(key: string): Excel.Worksheet {
    this.queue("getItem", [key]);
    return new FakeWorksheet(
      this.ctx,
      () => this.model.sheet(key) ?? fail("ItemNotFound", `The worksheet "${key}" does not exist.`),
    ).proxy as Excel.Worksheet;
  }

  getItemOrNullObject(key: string): Excel.Worksheet {
    const ws = new FakeWorksheet(
      this.ctx,
      () => this.model.sheet(key) ?? fail("ItemNotFound", `The worksheet "${key}" does not exist.`),
    );
    this.queue("getItemOrNullObject", [key], () => ws.loaded.set("isNullObject", !this.model.sheet(key)));
    return ws.proxy as Excel.Worksheet;
  }

  getActiveWorksheet(): Excel.Worksheet {
    this.queue("getActiveWorksheet", []);
    return new FakeWorksheet(this.ctx, () => activeSheet(this.model)).proxy as Excel.Worksheet;
  }
}

function fail(code: string, message: string): never {
  throw officeError(code, message);
}

class FakeWorksheet extends FakeObject implements Partial<Excel.Worksheet> {
  constructor(
    context: FakeContext,
    readonly sheet: () => FakeSheet,
  ) {
    super(context, "Worksheet");
  }

  readNow(prop: string): unknown {
    return this.read(prop);
  }

  protected override read(prop: string): unknown {
    const sheet = this.sheet();
    if (prop === "name") return sheet.name;
    if (prop === "id") return sheet.id;
    if (prop === "position") return this.model.sheets.indexOf(sheet);
    return super.read(prop);
  }

  protected override write(prop: string, value: unknown): void {
    if (prop === "name") return this.model.renameSheet(this.sheet(), String(value));
    super.write(prop, value);
  }

  protected override navigate(prop: string): FakeObject {
    const c = this.ctx;
    switch (prop) {
      case "tables":
        return new FakeTableCollection(c, this.sheet);
      case "freezePanes":
        return new FakeFreezePanes(c, this.sheet);
      case "pageLayout":
        return new FakePageLayout(c, this.sheet);
      case "protection":
        return new FakeWorksheetProtection(c, this.sheet);
    }
    return super.navigate(prop);
  }

  private range(rects: () => Rect[], kind: "Range" | "RangeAreas" = "Range"): FakeRange | FakeRangeAreas {
    const cells = { sheet: this.sheet, rects };
    return kind === "Range" ? new FakeRange(this.ctx, cells) : new FakeRangeAreas(this.ctx, cells);
  }

  getRange(address?: string): Excel.Range {
    this.queue("getRange", [address]);
    return this.range(() => {
      if (address === undefined) return [{ r1: 1, c1: 1, r2: MAX_ROWS, c2: MAX_COLS }];
      const { sheet, rect } = parseArea(address);
      if (sheet !== undefined && sheet.toLowerCase() !== this.sheet().name.toLowerCase())
        fail("InvalidArgument", `"${address}" is not on this sheet.`);
      return [rect];
    }).proxy as Excel.Range;
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Excel.Range {
    this.queue("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount]);
    return this.range(() => {
      const ok =
        [startRow, startColumn, rowCount, columnCount].every((n) => Number.isInteger(n)) &&
        startRow >= 0 &&
        startColumn >= 0 &&
        rowCount >= 1 &&
        columnCount >= 1;
      const rect = { r1: startRow + 1, c1: startColumn + 1, r2: startRow + rowCount, c2: startColumn + columnCount };
      if (!ok || rect.r2 > MAX_ROWS || rect.c2 > MAX_COLS)
        fail(
          "InvalidArgument",
          `getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount}) is outside the sheet.`,
        );
      return [rect];
    }).proxy as Excel.Range;
  }

  getRanges(address?: string): Excel.RangeAreas {
    this.queue("getRanges", [address]);
    return this.range(() => {
      if (address === undefined) fail("InvalidArgument", "getRanges needs an address.");
      // Excel refuses long multi-area addresses (reports in OfficeDev/office-js#5198 put the limit near 8,000).
      if (address.length > 8000)
        fail("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      return address.split(/[,;]/).map((a) => parseArea(a).rect);
    }, "RangeAreas").proxy as Excel.RangeAreas;
  }

  activate(): void {
    this.queue("activate", [], () => {
      this.model.activeSheetId = this.sheet().id;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return usedRange(this, "getUsedRangeOrNullObject", this.sheet, undefined, valuesOnly === true);
  }

  delete(): void {
    this.queue("delete", [], () => this.model.deleteSheet(this.sheet()));
  }
}

/**
 * Worksheet/Range.getUsedRangeOrNullObject: the smallest rectangle (inside `within`, when given) holding every cell
 * with a value or formula (valuesOnly) or any cell written at all; a null object when there is none.
 */
function usedRange(
  owner: FakeObject,
  member: string,
  sheet: () => FakeSheet,
  within: (() => Rect) | undefined,
  valuesOnly: boolean,
): Excel.Range {
  let found: Rect | undefined;
  const range = new FakeRange(owner.ctx, {
    sheet,
    // A null object's cells are never read by correct code; A1 keeps a stray load from crashing the fake.
    rects: () => [found ?? { r1: 1, c1: 1, r2: 1, c2: 1 }],
  });
  owner.ctx.queueCall(`${owner.cls}.${member}`, [valuesOnly], () => {
    const limit = within?.();
    found = undefined;
    for (const { row, col, cell } of sheet().entries()) {
      if (limit && (row < limit.r1 || row > limit.r2 || col < limit.c1 || col > limit.c2)) continue;
      const hasValue = cell.formula !== undefined || cell.formulaR1C1 !== undefined || cell.value !== null;
      if (valuesOnly && !hasValue) continue;
      found = found
        ? {
            r1: Math.min(found.r1, row),
            c1: Math.min(found.c1, col),
            r2: Math.max(found.r2, row),
            c2: Math.max(found.c2, col),
          }
        : { r1: row, c1: col, r2: row, c2: col };
    }
    range.loaded.set("isNullObject", found === undefined);
  });
  return range.proxy as Excel.Range;
}

class FakeRange extends FakeObject {
  constructor(
    context: FakeContext,
    readonly cells: Cells,
  ) {
    super(context, "Range");
  }

  /** Selects the range (its sheet becomes the active one), as Excel's UI would show it. */
  select(): void {
    this.queue("select", [], () => {
      const sheet = this.cells.sheet();
      this.model.activeSheetId = sheet.id;
      this.model.selections.set(sheet.id, { ...this.cells.rects()[0] });
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return usedRange(
      this,
      "getUsedRangeOrNullObject",
      this.cells.sheet,
      () => this.cells.rects()[0],
      valuesOnly === true,
    );
  }

  protected override navigate(prop: string): FakeObject {
    switch (prop) {
      case "worksheet":
        return new FakeWorksheet(this.ctx, this.cells.sheet);
      case "format":
        return new FakeRangeFormat(this.ctx, this.cells);
      case "dataValidation":
        return new FakeDataValidation(this.ctx, this.cells);
      case "conditionalFormats":
        return new FakeConditionalFormatCollection(this.ctx, this.cells);
    }
    return super.navigate(prop);
  }

  private grid<T>(map: (cell: ReturnType<FakeSheet["cell"]>, row: number, col: number) => T): T[][] {
    const sheet = this.cells.sheet();
    const [r] = this.cells.rects();
    const out: T[][] = [];
    for (let row = r.r1; row <= r.r2; row++) {
      const line: T[] = [];
      for (let col = r.c1; col <= r.c2; col++) line.push(map(sheet.cell(row, col), row, col));
      out.push(line);
    }
    return out;
  }

  protected override read(prop: string): unknown {
    const sheet = this.cells.sheet();
    const [r] = this.cells.rects();
    switch (prop) {
      case "address":
        return `${quoteSheetName(sheet.name)}!${rectAddress(r)}`;
      case "rowCount":
        return r.r2 - r.r1 + 1;
      case "columnCount":
        return r.c2 - r.c1 + 1;
      // The fake does not calculate: a formula cell reads as "".
      case "values":
        return this.grid((c) =>
          c === undefined || c.formula !== undefined || c.formulaR1C1 !== undefined ? "" : (c.value ?? ""),
        );
      case "formulas":
        // A formula written in R1C1 reads back in A1 for its cell, as Excel gives it.
        return this.grid(
          (c, row, col) =>
            c?.formula ??
            (c?.formulaR1C1 !== undefined ? `=${r1c1ToA1(c.formulaR1C1.slice(1), row, col)}` : undefined) ??
            c?.value ??
            "",
        );
      case "formulasR1C1":
        return this.grid((c) => c?.formulaR1C1 ?? c?.formula ?? c?.value ?? "");
      case "numberFormat":
        return this.grid((c) => c?.numberFormat ?? "General");
    }
    return super.read(prop);
  }

  protected override write(prop: string, value: unknown): void {
    const sheet = this.cells.sheet();
    const [rect] = this.cells.rects();
    const rows = rect.r2 - rect.r1 + 1;
    const cols = rect.c2 - rect.c1 + 1;
    if (value === null || value === undefined) fail("InvalidArgument", `${prop} cannot be set to ${String(value)}.`);
    // A 2-D array of the range's size, or one value for every cell (what Excel's bulk setters accept).
    let at: (r: number, c: number) => unknown;
    if (Array.isArray(value)) {
      if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols)) {
        fail(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`,
        );
      }
      at = (r, c) => (value as unknown[][])[r][c];
    } else at = () => value;
    if (prop !== "numberFormat") sheet.guard([rect], "contents");
    else sheet.guard([rect], "format");
    const year = this.host.options.year;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const v = at(r, c);
        if (v === null) continue; // null leaves the cell as it is
        const cell = sheet.touch(rect.r1 + r, rect.c1 + c);
        if (prop === "numberFormat") {
          cell.numberFormat = v === "" ? "General" : String(v);
          continue;
        }
        const isFormula = typeof v === "string" && v.startsWith("=") && v.length > 1;
        if (prop === "formulasR1C1" && isFormula) {
          Object.assign(cell, { value: null, formula: undefined, formulaR1C1: checkFormula(v), quotePrefix: false });
          continue;
        }
        const typed = typeLikeExcel(v, cell.numberFormat, year);
        Object.assign(cell, {
          value: typed.value,
          formula: typed.formula,
          formulaR1C1: undefined,
          quotePrefix: typed.quotePrefix === true,
        });
      }
    }
  }

  merge(across?: boolean): void {
    this.queue("merge", [across], () => {
      const sheet = this.cells.sheet();
      const [rect] = this.cells.rects();
      sheet.guard([rect], "structure");
      const parts = across
        ? Array.from({ length: rect.r2 - rect.r1 + 1 }, (_v, i) => ({ ...rect, r1: rect.r1 + i, r2: rect.r1 + i }))
        : [rect];
      for (const part of parts) {
        if (part.r1 === part.r2 && part.c1 === part.c2) continue;
        if (sheet.tables().some((t) => intersects(t.rect, part)))
          fail("InvalidOperation", "Cells in a table cannot be merged.");
        if (sheet.merges.some((m) => intersects(m, part)))
          fail("InvalidOperation", "The range overlaps a merged range.");
        // Excel keeps the upper-left value only.
        for (const { row, col, cell } of sheet.cellsIn([part], false)) {
          if (cell && (row !== part.r1 || col !== part.c1))
            Object.assign(cell, { value: null, formula: undefined, formulaR1C1: undefined });
        }
        sheet.merges.push(part);
      }
    });
  }

  /**
   * The merged areas that intersect the range, whole; a null object when there are none. Past 512 areas Excel
   * fails, as documented (the error code is the fake's guess).
   */
  getMergedAreasOrNullObject(): Excel.RangeAreas {
    let found: Rect[] = [];
    const areas = new FakeRangeAreas(this.ctx, { sheet: this.cells.sheet, rects: () => found });
    this.queue("getMergedAreasOrNullObject", [], () => {
      const [rect] = this.cells.rects();
      found = this.cells
        .sheet()
        .merges.filter((m) => intersects(m, rect))
        .map((m) => ({ ...m }));
      if (found.length > 512) fail("GeneralException", "The range has more than 512 merged areas.");
      areas.loaded.set("isNullObject", found.length === 0);
    });
    return areas.proxy as Excel.RangeAreas;
  }

  /** Splits every merged area that intersects the range. */
  unmerge(): void {
    this.queue("unmerge", [], () => {
      const sheet = this.cells.sheet();
      const [rect] = this.cells.rects();
      sheet.guard([rect], "structure");
      for (let i = sheet.merges.length - 1; i >= 0; i--)
        if (intersects(sheet.merges[i], rect)) sheet.merges.splice(i, 1);
    });
  }

  /** Clears contents (value, formula), formats (format, number format) or both ("All", the default). */
  clear(applyTo: string = "All"): void {
    this.queue("clear", [applyTo], () => {
      const what = checkOneOf(applyTo, ["All", "Formats", "Contents"], "clear type");
      const sheet = this.cells.sheet();
      const rects = this.cells.rects();
      if (what !== "Formats") sheet.guard(rects, "contents");
      if (what !== "Contents") sheet.guard(rects, "format");
      for (const { cell } of sheet.cellsIn(rects, false)) {
        if (!cell) continue;
        if (what !== "Formats")
          Object.assign(cell, { value: null, formula: undefined, formulaR1C1: undefined, quotePrefix: false });
        if (what !== "Contents") Object.assign(cell, { format: DEFAULT_FORMAT, numberFormat: "General" });
      }
    });
  }
}

class FakeRangeAreas extends FakeObject {
  constructor(
    context: FakeContext,
    readonly cells: Cells,
  ) {
    super(context, "RangeAreas");
  }

  protected override navigate(prop: string): FakeObject {
    if (prop === "format") return new FakeRangeFormat(this.ctx, this.cells);
    return super.navigate(prop);
  }

  protected override read(prop: string): unknown {
    if (prop === "address")
      return this.cells
        .rects()
        .map((r) => `${quoteSheetName(this.cells.sheet().name)}!${rectAddress(r)}`)
        .join(",");
    return super.read(prop);
  }
}

const ALIGN_H = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const ALIGN_V = ["Top", "Center", "Bottom", "Justify", "Distributed"];

function checkColor(value: unknown): string {
  if (typeof value !== "string" || !/^(#[0-9A-Fa-f]{6}|[A-Za-z]+)$/.test(value))
    fail("InvalidArgument", `"${String(value)}" is not a colour.`);
  return value.toUpperCase();
}

function checkOneOf(value: unknown, allowed: readonly string[], what: string): string {
  if (typeof value !== "string" || !allowed.includes(value))
    fail("InvalidArgument", `"${String(value)}" is not a valid ${what}.`);
  return value;
}

class FakeRangeFormat extends FakeObject {
  constructor(
    context: FakeContext,
    readonly cells: Cells,
  ) {
    super(context, "RangeFormat");
  }

  protected override navigate(prop: string): FakeObject {
    const c = this.ctx;
    switch (prop) {
      case "font":
        return new FakeFormatPart(c, "RangeFont", this.cells, {
          name: "fontName",
          size: "fontSize",
          bold: "bold",
          color: "fontColor",
        });
      case "fill":
        return new FakeRangeFill(c, this.cells);
      case "borders":
        return new FakeBorders(c, this.cells);
      case "protection":
        return new FakeFormatPart(c, "FormatProtection", this.cells, { locked: "locked" });
    }
    return super.navigate(prop);
  }

  protected override read(prop: string): unknown {
    const sheet = this.cells.sheet();
    const rects = this.cells.rects();
    switch (prop) {
      case "horizontalAlignment":
        return sheet.readFormat(rects, "horizontal");
      case "verticalAlignment":
        return sheet.readFormat(rects, "vertical");
      case "wrapText":
        return sheet.readFormat(rects, "wrap");
      case "columnWidth":
        return sheet.columnWidths.get(rects[0].c1) ?? 48;
      case "rowHeight":
        return sheet.rowHeights.get(rects[0].r1) ?? 15;
    }
    return super.read(prop);
  }

  protected override write(prop: string, value: unknown): void {
    const sheet = this.cells.sheet();
    const rects = this.cells.rects();
    switch (prop) {
      case "horizontalAlignment":
        return sheet.setFormat(rects, "horizontal", checkOneOf(value, ALIGN_H, "horizontal alignment"));
      case "verticalAlignment":
        return sheet.setFormat(rects, "vertical", checkOneOf(value, ALIGN_V, "vertical alignment"));
      case "wrapText":
        return sheet.setFormat(rects, "wrap", value === true);
      case "columnWidth":
      case "rowHeight": {
        if (typeof value !== "number" || !(value >= 0) || value > 409.5 * (prop === "columnWidth" ? 4.5 : 1))
          fail("InvalidArgument", `${prop} ${String(value)} is out of range.`);
        sheet.guard(rects, prop === "columnWidth" ? "columns" : "rows");
        for (const r of rects) {
          if (prop === "columnWidth") for (let c = r.c1; c <= r.c2; c++) sheet.columnWidths.set(c, value);
          else for (let row = r.r1; row <= r.r2; row++) sheet.rowHeights.set(row, value);
        }
        return;
      }
    }
    super.write(prop, value);
  }
}

/** Font and protection: properties mapped one to one onto cell formats. */
class FakeFormatPart extends FakeObject {
  constructor(
    context: FakeContext,
    cls: "RangeFont" | "FormatProtection",
    readonly cells: Cells,
    readonly fields: Record<string, keyof CellFormat>,
  ) {
    super(context, cls);
  }

  protected override read(prop: string): unknown {
    if (prop in this.fields) return this.cells.sheet().readFormat(this.cells.rects(), this.fields[prop]);
    return super.read(prop);
  }

  protected override write(prop: string, value: unknown): void {
    const field = this.fields[prop];
    if (!field) return super.write(prop, value);
    const sheet = this.cells.sheet();
    const rects = this.cells.rects();
    if (field === "locked") {
      // Changing what is locked is a format change: refused on a protected sheet unless formatting is allowed.
      return sheet.setFormat(rects, "locked", value === true);
    }
    if (field === "fontColor") return sheet.setFormat(rects, field, checkColor(value));
    if (field === "bold") return sheet.setFormat(rects, field, value === true);
    if (field === "fontSize") {
      if (typeof value !== "number" || value < 1 || value > 409)
        fail("InvalidArgument", `Font size ${String(value)} is out of range.`);
      return sheet.setFormat(rects, field, value);
    }
    if (typeof value !== "string" || value === "") fail("InvalidArgument", "A font name is required.");
    return sheet.setFormat(rects, "fontName", value);
  }
}

class FakeRangeFill extends FakeObject {
  constructor(
    context: FakeContext,
    readonly cells: Cells,
  ) {
    super(context, "RangeFill");
  }

  protected override read(prop: string): unknown {
    if (prop === "color") return this.cells.sheet().readFormat(this.cells.rects(), "fill") ?? "#FFFFFF";
    return super.read(prop);
  }

  protected override write(prop: string, value: unknown): void {
    if (prop === "color") return this.cells.sheet().setFormat(this.cells.rects(), "fill", checkColor(value));
    super.write(prop, value);
  }

  clear(): void {
    this.queue("clear", [], () => this.cells.sheet().setFormat(this.cells.rects(), "fill", null));
  }
}

const BORDER_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
const BORDER_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"];

class FakeBorders extends FakeObject {
  constructor(
    context: FakeContext,
    readonly cells: Cells,
  ) {
    super(context, "RangeBorderCollection");
  }

  getItem(index: string): Excel.RangeBorder {
    this.queue("getItem", [index]);
    if (!EDGES.includes(index)) throw new FakeApiError(`The fake only draws ${EDGES.join(", ")} borders, not ${index}`);
    return new FakeBorder(this.ctx, this.cells, index).proxy as Excel.RangeBorder;
  }
}

class FakeBorder extends FakeObject {
  constructor(
    context: FakeContext,
    readonly cells: Cells,
    readonly index: string,
  ) {
    super(context, "RangeBorder");
  }

  /** The cell sides an edge of each rectangle draws on. */
  private sides(
    rect: Rect,
  ): Array<{ rects: Rect[]; side: "borderTop" | "borderBottom" | "borderLeft" | "borderRight" }> {
    const { r1, c1, r2, c2 } = rect;
    switch (this.index) {
      case "EdgeTop":
        return [{ rects: [{ r1, c1, r2: r1, c2 }], side: "borderTop" }];
      case "EdgeBottom":
        return [{ rects: [{ r1: r2, c1, r2, c2 }], side: "borderBottom" }];
      case "EdgeLeft":
        return [{ rects: [{ r1, c1, r2, c2: c1 }], side: "borderLeft" }];
      case "EdgeRight":
        return [{ rects: [{ r1, c1: c2, r2, c2 }], side: "borderRight" }];
      case "InsideHorizontal":
        return r2 > r1
          ? [
              { rects: [{ r1, c1, r2: r2 - 1, c2 }], side: "borderBottom" },
              { rects: [{ r1: r1 + 1, c1, r2, c2 }], side: "borderTop" },
            ]
          : [];
      default:
        return c2 > c1
          ? [
              { rects: [{ r1, c1, r2, c2: c2 - 1 }], side: "borderRight" },
              { rects: [{ r1, c1: c1 + 1, r2, c2 }], side: "borderLeft" },
            ]
          : [];
    }
  }

  protected override write(prop: string, value: unknown): void {
    const part = prop === "style" ? 0 : prop === "color" ? 1 : prop === "weight" ? 2 : -1;
    if (part < 0) return super.write(prop, value);
    const checked =
      part === 0
        ? checkOneOf(value, BORDER_STYLES, "border style")
        : part === 1
          ? checkColor(value)
          : checkOneOf(value, BORDER_WEIGHTS, "border weight");
    const sheet = this.cells.sheet();
    sheet.guard(this.cells.rects(), "format");
    const pool = this.model.formats;
    for (const rect of this.cells.rects()) {
      for (const { rects, side } of this.sides(rect)) {
        for (const { cell } of sheet.cellsIn(rects, true)) {
          const fields = (cell!.format[side] ?? "Continuous|#000000|Thin").split("|");
          fields[part] = checked;
          cell!.format = pool.with(cell!.format, side, fields[0] === "None" ? null : fields.join("|"));
        }
      }
    }
  }
}

class FakeDataValidation extends FakeObject {
  constructor(
    context: FakeContext,
    readonly cells: Cells,
  ) {
    super(context, "DataValidation");
  }

  /** The validation of exactly these cells; a new one replaces any it overlaps, as Excel does. */
  private record(): FakeValidation {
    const sheet = this.cells.sheet();
    const rects = this.cells.rects();
    const key = JSON.stringify(rects);
    let v = sheet.validations.find((x) => JSON.stringify(x.rects) === key);
    if (!v) {
      for (let i = sheet.validations.length - 1; i >= 0; i--) {
        if (sheet.validations[i].rects.some((a) => rects.some((b) => intersects(a, b)))) sheet.validations.splice(i, 1);
      }
      sheet.validations.push((v = { rects, ignoreBlanks: true }));
    }
    return v;
  }

  protected override read(prop: string): unknown {
    const v = this.cells
      .sheet()
      .validations.find((x) => JSON.stringify(x.rects) === JSON.stringify(this.cells.rects()));
    if (prop === "type") return v?.rule ? Object.keys(v.rule)[0] : "None";
    if (prop === "rule" || prop === "prompt" || prop === "errorAlert" || prop === "ignoreBlanks") return v?.[prop];
    return super.read(prop);
  }

  protected override write(prop: string, value: unknown): void {
    const sheet = this.cells.sheet();
    sheet.guard(this.cells.rects(), "structure");
    const v = value as Record<string, unknown>;
    switch (prop) {
      case "rule": {
        const kinds = Object.keys(v ?? {});
        if (kinds.length !== 1) fail("InvalidArgument", "A data validation rule has exactly one kind.");
        const [kind] = kinds;
        const body = v[kind] as Record<string, unknown>;
        if (kind === "wholeNumber" || kind === "decimal") {
          checkOneOf(
            body.operator,
            [
              "Between",
              "NotBetween",
              "EqualTo",
              "NotEqualTo",
              "GreaterThan",
              "LessThan",
              "GreaterThanOrEqualTo",
              "LessThanOrEqualTo",
            ],
            "operator",
          );
          if (body.formula1 === undefined) fail("InvalidArgument", "formula1 is required.");
          if ((body.operator === "Between" || body.operator === "NotBetween") && body.formula2 === undefined)
            fail("InvalidArgument", "formula2 is required for Between.");
        } else if (kind === "list") {
          if (typeof body.source !== "string" || body.source === "") fail("InvalidArgument", "A list needs a source.");
        } else throw new FakeApiError(`The fake does not implement ${kind} validation`);
        this.record().rule = value as Excel.DataValidationRule;
        return;
      }
      case "prompt":
      case "errorAlert": {
        const title = String(v.title ?? "");
        const message = String(v.message ?? "");
        // Excel's limits: a title of 32 characters, a message of 255.
        if (title.length > 32 || message.length > 255)
          fail("InvalidArgument", `The ${prop} title or message is too long.`);
        if (prop === "errorAlert") checkOneOf(v.style ?? "Stop", ["Stop", "Warning", "Information"], "alert style");
        if (prop === "prompt") this.record().prompt = value as Excel.DataValidationPrompt;
        else this.record().errorAlert = value as Excel.DataValidationErrorAlert;
        return;
      }
      case "ignoreBlanks":
        this.record().ignoreBlanks = value === true;
        return;
    }
    super.write(prop, value);
  }
}

class FakeConditionalFormatCollection extends FakeObject {
  constructor(
    context: FakeContext,
    readonly cells: Cells,
  ) {
    super(context, "ConditionalFormatCollection");
  }

  add(type: string): Excel.ConditionalFormat {
    let record: FakeConditionalFormat | undefined;
    this.queue("add", [type], () => {
      const sheet = this.cells.sheet();
      sheet.guard(this.cells.rects(), "structure");
      sheet.conditionalFormats.push(
        (record = {
          rects: this.cells.rects(),
          type: checkOneOf(
            type,
            ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"],
            "conditional format type",
          ),
        }),
      );
    });
    return new FakeConditionalFormatObject(
      this.ctx,
      () => record ?? fail("InvalidObjectPath", "The conditional format was never added."),
    ).proxy as Excel.ConditionalFormat;
  }
}

class FakeConditionalFormatObject extends FakeObject {
  constructor(
    context: FakeContext,
    readonly record: () => FakeConditionalFormat,
  ) {
    super(context, "ConditionalFormat");
  }

  protected override read(prop: string): unknown {
    if (prop === "type") return this.record().type;
    return super.read(prop);
  }

  protected override navigate(prop: string): FakeObject {
    if (prop === "custom") return new FakeCfPart(this.ctx, "CustomConditionalFormat", this.record);
    return super.navigate(prop);
  }
}

/** CustomConditionalFormat and the objects under it, all writing to one conditional format record. */
class FakeCfPart extends FakeObject {
  constructor(
    context: FakeContext,
    cls: "CustomConditionalFormat" | "ConditionalFormatRule" | "ConditionalRangeFormat" | "ConditionalRangeFill",
    readonly record: () => FakeConditionalFormat,
  ) {
    super(context, cls);
  }

  private custom(): FakeConditionalFormat {
    const r = this.record();
    if (r.type !== "Custom") fail("InvalidOperation", `This conditional format is ${r.type}, not Custom.`);
    return r;
  }

  protected override navigate(prop: string): FakeObject {
    if (this.cls === "CustomConditionalFormat" && prop === "rule")
      return new FakeCfPart(this.ctx, "ConditionalFormatRule", this.record);
    if (this.cls === "CustomConditionalFormat" && prop === "format")
      return new FakeCfPart(this.ctx, "ConditionalRangeFormat", this.record);
    if (this.cls === "ConditionalRangeFormat" && prop === "fill")
      return new FakeCfPart(this.ctx, "ConditionalRangeFill", this.record);
    return super.navigate(prop);
  }

  protected override read(prop: string): unknown {
    if (this.cls === "ConditionalFormatRule" && prop === "formula") return this.custom().formula;
    if (this.cls === "ConditionalRangeFill" && prop === "color") return this.custom().fill;
    return super.read(prop);
  }

  protected override write(prop: string, value: unknown): void {
    if (this.cls === "ConditionalFormatRule" && prop === "formula") {
      if (typeof value !== "string" || !value.startsWith("="))
        fail("InvalidArgument", "A conditional format formula starts with =.");
      this.custom().formula = checkFormula(value);
      return;
    }
    if (this.cls === "ConditionalRangeFill" && prop === "color") {
      this.custom().fill = checkColor(value);
      return;
    }
    super.write(prop, value);
  }
}

class FakeNamedItemCollection extends FakeObject {
  constructor(context: FakeContext) {
    super(context, "NamedItemCollection");
  }

  protected override loadable(requested: string[] | undefined): string[] {
    const itemProps = (requested ?? ["name"]).map((p) => p.replace(/^items\//, "")).filter((p) => p !== "items");
    for (const p of itemProps)
      if (!(p in API.NamedItem.props)) throw new FakeApiError(`Excel.NamedItem has no property "${p}" to load`);
    return itemProps;
  }

  override load(option?: Load): any {
    this.ctx.ensureOpen();
    const props = this.loadable(loadList(option));
    this.queue("load", [props], () => {
      this.loaded.set(
        "items",
        this.model.names.map((record) => {
          const item = new FakeNamedItem(this.ctx, () => record);
          for (const p of props) item.loaded.set(p, item.readNow(p));
          return item.proxy;
        }),
      );
    });
    return this.proxy;
  }

  add(name: string, reference: unknown, comment?: string): Excel.NamedItem {
    let record: FakeName | undefined;
    this.queue("add", [name, reference, comment], () => {
      if (typeof reference === "string") {
        record = this.model.addName(name, reference, comment);
        return;
      }
      const target = this.targetOf(reference);
      if (!(target instanceof FakeRange)) fail("InvalidArgument", "A name refers to a Range or a formula string.");
      record = this.model.addName(name, { sheet: target.cells.sheet(), rect: target.cells.rects()[0] }, comment);
    });
    return new FakeNamedItem(this.ctx, () => record ?? fail("InvalidObjectPath", "The name was never added."))
      .proxy as Excel.NamedItem;
  }

  getItem(name: string): Excel.NamedItem {
    this.queue("getItem", [name]);
    return new FakeNamedItem(
      this.ctx,
      () =>
        this.model.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ??
        fail("ItemNotFound", `The name "${name}" does not exist.`),
    ).proxy as Excel.NamedItem;
  }

  getItemOrNullObject(name: string): Excel.NamedItem {
    const find = () => this.model.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
    const item = new FakeNamedItem(
      this.ctx,
      () => find() ?? fail("ItemNotFound", `The name "${name}" does not exist.`),
    );
    this.queue("getItemOrNullObject", [name], () => item.loaded.set("isNullObject", !find()));
    return item.proxy as Excel.NamedItem;
  }
}

class FakeNamedItem extends FakeObject {
  constructor(
    context: FakeContext,
    readonly record: () => FakeName,
  ) {
    super(context, "NamedItem");
  }

  readNow(prop: string): unknown {
    return this.read(prop);
  }

  protected override read(prop: string): unknown {
    const r = this.record();
    if (prop === "name") return r.name;
    if (prop === "formula") return r.formula;
    if (prop === "comment") return r.comment ?? "";
    return super.read(prop);
  }

  delete(): void {
    this.queue("delete", [], () => {
      const r = this.record();
      this.model.names.splice(this.model.names.indexOf(r), 1);
    });
  }

  /** The range a name refers to; Excel refuses names that hold a constant or a formula. */
  getRange(): Excel.Range {
    this.queue("getRange", []);
    const target = () => {
      const r = this.record();
      const sheet = r.sheetId ? this.model.sheetById(r.sheetId) : undefined;
      if (!sheet || !r.rect) fail("InvalidOperation", `The name "${r.name}" does not refer to a range.`);
      return { sheet, rect: r.rect };
    };
    return new FakeRange(this.ctx, { sheet: () => target().sheet, rects: () => [target().rect] }).proxy as Excel.Range;
  }
}

class FakeTableCollection extends FakeObject {
  constructor(
    context: FakeContext,
    readonly sheet?: () => FakeSheet,
  ) {
    super(context, "TableCollection");
  }

  private all(): FakeTable[] {
    return this.sheet ? this.sheet().tables() : this.model.tables;
  }

  protected override loadable(requested: string[] | undefined): string[] {
    const itemProps = (requested ?? ["name"]).map((p) => p.replace(/^items\//, "")).filter((p) => p !== "items");
    for (const p of itemProps)
      if (!(p in API.Table.props)) throw new FakeApiError(`Excel.Table has no property "${p}" to load`);
    return itemProps;
  }

  override load(option?: Load): any {
    this.ctx.ensureOpen();
    const props = this.loadable(loadList(option));
    this.queue("load", [props], () => {
      this.loaded.set(
        "items",
        this.all().map((record) => {
          const item = new FakeTableObject(this.ctx, () => record);
          for (const p of props) item.loaded.set(p, item.readNow(p));
          return item.proxy;
        }),
      );
    });
    return this.proxy;
  }

  add(address: unknown, hasHeaders: boolean): Excel.Table {
    let record: FakeTable | undefined;
    this.queue("add", [address, hasHeaders], () => {
      let sheet: FakeSheet;
      let rect: Rect;
      const target = this.targetOf(address);
      if (target instanceof FakeRange) {
        sheet = target.cells.sheet();
        rect = target.cells.rects()[0];
        if (this.sheet && this.sheet() !== sheet) fail("InvalidArgument", "The range is on another sheet.");
      } else if (typeof address === "string") {
        const parsed = parseArea(address);
        const named = parsed.sheet !== undefined ? this.model.sheet(parsed.sheet) : undefined;
        // Without a sheet name Excel uses the active sheet, not this collection's: the trap the writer avoids.
        sheet =
          named ??
          (this.model.activeSheetId
            ? this.model.sheetById(this.model.activeSheetId)!
            : fail("InvalidArgument", "No sheet."));
        rect = parsed.rect;
      } else fail("InvalidArgument", "A table needs a Range or an address.");
      record = this.model.addTable(sheet, rect, hasHeaders);
    });
    return new FakeTableObject(this.ctx, () => record ?? fail("InvalidObjectPath", "The table was never added."))
      .proxy as Excel.Table;
  }

  getItemOrNullObject(key: string): Excel.Table {
    const find = () => this.all().find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key);
    const item = new FakeTableObject(
      this.ctx,
      () => find() ?? fail("ItemNotFound", `The table "${key}" does not exist.`),
    );
    this.queue("getItemOrNullObject", [key], () => item.loaded.set("isNullObject", !find()));
    return item.proxy as Excel.Table;
  }
}

class FakeTableObject extends FakeObject {
  constructor(
    context: FakeContext,
    readonly record: () => FakeTable,
  ) {
    super(context, "Table");
  }

  /** The whole table: header row and data rows. */
  getRange(): Excel.Range {
    this.queue("getRange", []);
    const sheet = () => this.model.sheetById(this.record().sheetId)!;
    return new FakeRange(this.ctx, { sheet, rects: () => [{ ...this.record().rect }] }).proxy as Excel.Range;
  }

  protected override navigate(prop: string): FakeObject {
    if (prop === "rows") return new FakeTableRowCollection(this.ctx, this.record);
    return super.navigate(prop);
  }

  readNow(prop: string): unknown {
    return this.read(prop);
  }

  protected override read(prop: string): unknown {
    const t = this.record();
    if (prop === "name" || prop === "showFilterButton" || prop === "showBandedRows" || prop === "style") return t[prop];
    return super.read(prop);
  }

  protected override write(prop: string, value: unknown): void {
    const t = this.record();
    const sheet = this.model.sheetById(t.sheetId)!;
    sheet.guard([t.rect], "structure");
    switch (prop) {
      case "name":
        t.name = this.model.checkNewName(value, t);
        return;
      case "showFilterButton":
      case "showBandedRows":
        t[prop] = value === true;
        return;
      case "style":
        t.style = String(value);
        return;
    }
    super.write(prop, value);
  }
}

class FakeTableRowCollection extends FakeObject {
  constructor(
    context: FakeContext,
    readonly record: () => FakeTable,
  ) {
    super(context, "TableRowCollection");
  }

  /**
   * Appends rows (index null or omitted) with `values`, as Excel does: the table grows, each new row takes the
   * formats, validations and conditional formats of the row above. Refused on a protected sheet. The fake does
   * not shift cells below the table, insert in the middle, or fill calculated columns.
   */
  add(index?: number | null, values?: unknown[][], alwaysInsert?: boolean): Excel.TableRow {
    this.queue("add", [index, values, alwaysInsert], () => {
      if (index !== undefined && index !== null)
        throw new FakeApiError("The fake host only appends table rows (index null).");
      const table = this.record();
      const sheet = this.model.sheetById(table.sheetId)!;
      sheet.guard([table.rect], "structure");
      const cols = table.rect.c2 - table.rect.c1 + 1;
      const rows = Array.isArray(values) ? values : [Array.from({ length: cols }, () => "")];
      if (rows.length === 0 || rows.some((r) => !Array.isArray(r) || r.length !== cols))
        fail("InvalidArgument", `Each added row needs ${cols} values.`);
      this.model.appendTableRows(table, rows as unknown[][], this.host.options.year);
    });
    // The fake implements nothing of the row it would return: any use of it throws.
    return strict("Excel.TableRow", {}) as unknown as Excel.TableRow;
  }
}

class FakeFreezePanes extends FakeObject implements Partial<Excel.WorksheetFreezePanes> {
  constructor(
    context: FakeContext,
    readonly sheet: () => FakeSheet,
  ) {
    super(context, "WorksheetFreezePanes");
  }

  freezeAt(frozenRange: Excel.Range | string): void {
    this.queue("freezeAt", [frozenRange], () => {
      const target = this.targetOf(frozenRange);
      const rect = target instanceof FakeRange ? target.cells.rects()[0] : parseArea(String(frozenRange)).rect;
      this.sheet().freeze = { rows: rect.r2, cols: rect.c2 };
    });
  }

  freezeRows(count = 1): void {
    this.queue("freezeRows", [count], () => (this.sheet().freeze = { rows: count, cols: 0 }));
  }

  freezeColumns(count = 1): void {
    this.queue("freezeColumns", [count], () => (this.sheet().freeze = { rows: 0, cols: count }));
  }
}

class FakePageLayout extends FakeObject {
  constructor(
    context: FakeContext,
    readonly sheet: () => FakeSheet,
  ) {
    super(context, "PageLayout");
  }

  protected override navigate(prop: string): FakeObject {
    if (prop === "headersFooters") return new FakeHeaderFooter(this.ctx, "HeaderFooterGroup", this.sheet);
    return super.navigate(prop);
  }

  protected override read(prop: string): unknown {
    const p = this.sheet().pageLayout;
    if (prop === "orientation" || prop === "paperSize" || prop === "zoom") return p[prop];
    return super.read(prop);
  }

  protected override write(prop: string, value: unknown): void {
    const p = this.sheet().pageLayout;
    switch (prop) {
      case "orientation":
        p.orientation = checkOneOf(value, ["Portrait", "Landscape"], "orientation");
        return;
      case "paperSize":
        p.paperSize = checkOneOf(value, ["Letter", "Legal", "A3", "A4", "A5", "B4", "B5"], "paper size");
        return;
      case "zoom": {
        const z = value as Excel.PageLayoutZoomOptions;
        const keys = Object.keys(z ?? {});
        if (!keys.length || keys.some((k) => !["scale", "horizontalFitToPages", "verticalFitToPages"].includes(k)))
          fail("InvalidArgument", "Not a zoom.");
        if (z.scale !== undefined && (z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined))
          fail("InvalidArgument", "Zoom is a scale or pages to fit, not both.");
        p.zoom = { ...z };
        return;
      }
    }
    super.write(prop, value);
  }

  setPrintTitleRows(rows: Excel.Range | string): void {
    this.queue("setPrintTitleRows", [rows], () => {
      const target = this.targetOf(rows);
      const rect = target instanceof FakeRange ? target.cells.rects()[0] : parseArea(String(rows)).rect;
      if (rect.c1 !== 1 || rect.c2 !== MAX_COLS) fail("InvalidArgument", "Print titles are whole rows.");
      this.sheet().pageLayout.printTitleRows = `$${rect.r1}:$${rect.r2}`;
    });
  }
}

class FakeHeaderFooter extends FakeObject {
  constructor(
    context: FakeContext,
    cls: "HeaderFooterGroup" | "HeaderFooter",
    readonly sheet: () => FakeSheet,
  ) {
    super(context, cls);
  }

  protected override navigate(prop: string): FakeObject {
    if (this.cls === "HeaderFooterGroup" && prop === "defaultForAllPages")
      return new FakeHeaderFooter(this.ctx, "HeaderFooter", this.sheet);
    return super.navigate(prop);
  }

  protected override read(prop: string): unknown {
    const p = this.sheet().pageLayout;
    if (prop === "centerHeader" || prop === "centerFooter") return p[prop];
    return super.read(prop);
  }

  protected override write(prop: string, value: unknown): void {
    if (prop === "centerHeader" || prop === "centerFooter") {
      // Excel's limit for a header or footer section.
      if (typeof value !== "string" || value.length > 255)
        fail("InvalidArgument", `The ${prop} is longer than 255 characters.`);
      this.sheet().pageLayout[prop] = value;
      return;
    }
    super.write(prop, value);
  }
}

const PROTECTION_OPTIONS = [
  "allowAutoFilter",
  "allowDeleteColumns",
  "allowDeleteRows",
  "allowEditObjects",
  "allowEditScenarios",
  "allowFormatCells",
  "allowFormatColumns",
  "allowFormatRows",
  "allowInsertColumns",
  "allowInsertHyperlinks",
  "allowInsertRows",
  "allowPivotTables",
  "allowSort",
  "selectionMode",
];

class FakeWorksheetProtection extends FakeObject implements Partial<Excel.WorksheetProtection> {
  constructor(
    context: FakeContext,
    readonly sheet: () => FakeSheet,
  ) {
    super(context, "WorksheetProtection");
  }

  protected override read(prop: string): unknown {
    const p = this.sheet().protection;
    if (prop === "protected") return p.protected;
    if (prop === "options") return { ...p.options };
    return super.read(prop);
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.queue("protect", [options, password], () => {
      const sheet = this.sheet();
      if (sheet.protection.protected)
        fail("InvalidOperation", `The sheet "${sheet.name}" is already protected; unprotect it first.`);
      for (const k of Object.keys(options ?? {}))
        if (!PROTECTION_OPTIONS.includes(k)) fail("InvalidArgument", `Unknown protection option ${k}.`);
      if (options?.selectionMode !== undefined)
        checkOneOf(options.selectionMode, ["Normal", "Unlocked", "None"], "selection mode");
      sheet.protection = { protected: true, options: { ...options }, password: password || undefined };
    });
  }

  unprotect(password?: string): void {
    this.queue("unprotect", [password], () => {
      const sheet = this.sheet();
      const p = sheet.protection;
      if (p.protected && (p.password ?? "") !== (password ?? "")) fail("AccessDenied", "The password is not correct.");
      sheet.protection = { protected: false, options: {} };
    });
  }
}

/** A fake host with `Excel` installed as a global; call the returned `uninstall` when done. */
export function installFakeExcel(options: FakeExcelOptions = {}): { fake: FakeExcel; uninstall: () => void } {
  const fake = new FakeExcel(options);
  return { fake, uninstall: fake.install() };
}
