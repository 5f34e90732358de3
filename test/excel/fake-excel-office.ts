// The rest of the host around the fake Excel (fake-excel.ts): the globals office.js and the shared runtime give a
// page, as far as the add-in uses them:
//   Office          onReady, context (displayLanguage, officeTheme, document.settings, requirements), addin
//                   (onVisibilityModeChanged, showAsTaskpane, hide), actions.associate, VisibilityMode,
//                   AsyncResultStatus
//   OfficeRuntime   storage (getItem, setItem, removeItem), kept per user, apart from the document
//   CustomFunctions associate, Error, ErrorCode (what functions.js needs when it loads)
//   Excel           the fake Excel host's namespace (fake-excel.ts)
// No Node import: a browser page can install it before the add-in's scripts (in place of office.js).
import { FakeExcel, type FakeExcelOptions } from "./fake-excel";

export interface FakeOfficeOptions {
  /** Office.context.displayLanguage: "zh-CN" by default. */
  displayLanguage?: string;
  /** Office.context.officeTheme.bodyBackgroundColor: "#FFFFFF" by default (light). */
  bodyBackgroundColor?: string;
  /** Document settings as the workbook was saved with them. */
  settings?: Record<string, unknown>;
  /** OfficeRuntime.storage as the user left it. */
  storage?: Record<string, string>;
  /** settings.saveAsync reports failure. */
  settingsSaveFails?: boolean;
  /** OfficeRuntime.storage is missing (an old host). */
  noRuntimeStorage?: boolean;
}

type VisibilityHandler = (message: { visibilityMode: string }) => void;

/** The Office side of a fake host: what was saved where, and the handlers the add-in registered. */
export class FakeOffice {
  /** Document settings in memory (Office.context.document.settings). */
  readonly settings: Map<string, unknown>;
  /** Document settings as last saved into the document (saveAsync). */
  readonly savedSettings: Map<string, unknown>;
  /** OfficeRuntime.storage: the user's, not the document's. */
  readonly storage: Map<string, string>;
  readonly visibilityHandlers: VisibilityHandler[] = [];
  /** CustomFunctions.associate calls: id → function. */
  readonly functions = new Map<string, unknown>();
  /** Office.actions.associate calls: id → handler. */
  readonly actions = new Map<string, unknown>();
  readonly options: FakeOfficeOptions;

  constructor(options: FakeOfficeOptions = {}) {
    this.options = options;
    this.settings = new Map(Object.entries(options.settings ?? {}));
    this.savedSettings = new Map(this.settings);
    this.storage = new Map(Object.entries(options.storage ?? {}));
  }

  /** The global Office. */
  get office(): typeof Office {
    const self = this;
    const settings = {
      get: (name: string) => (self.settings.has(name) ? self.settings.get(name) : null),
      set: (name: string, value: unknown) => void self.settings.set(name, value),
      remove: (name: string) => void self.settings.delete(name),
      saveAsync(...args: unknown[]) {
        const callback = args.find((a) => typeof a === "function") as ((r: unknown) => void) | undefined;
        const fails = self.options.settingsSaveFails === true;
        if (!fails) for (const [k, v] of self.settings) self.savedSettings.set(k, v);
        setTimeout(() =>
          callback?.(
            fails
              ? {
                  status: "failed",
                  error: { code: 5001, name: "Internal Error", message: "The settings could not be saved." },
                }
              : { status: "succeeded", value: undefined },
          ),
        );
      },
    };
    const info = { host: "Excel", platform: "OfficeOnline" };
    return {
      onReady: (callback?: (i: typeof info) => void) =>
        new Promise((resolve) =>
          setTimeout(() => {
            callback?.(info);
            resolve(info);
          }),
        ),
      context: {
        displayLanguage: this.options.displayLanguage ?? "zh-CN",
        contentLanguage: this.options.displayLanguage ?? "zh-CN",
        officeTheme: {
          bodyBackgroundColor: this.options.bodyBackgroundColor ?? "#FFFFFF",
          bodyForegroundColor: "#000000",
          controlBackgroundColor: this.options.bodyBackgroundColor ?? "#FFFFFF",
          controlForegroundColor: "#000000",
        },
        document: { settings },
        requirements: { isSetSupported: () => true },
      },
      addin: {
        onVisibilityModeChanged: (handler: VisibilityHandler) => {
          self.visibilityHandlers.push(handler);
          return Promise.resolve(() => Promise.resolve());
        },
        showAsTaskpane: () => {
          for (const h of self.visibilityHandlers) h({ visibilityMode: "Taskpane" });
          return Promise.resolve();
        },
        hide: () => {
          for (const h of self.visibilityHandlers) h({ visibilityMode: "Hidden" });
          return Promise.resolve();
        },
      },
      actions: { associate: (id: string, handler: unknown) => void self.actions.set(id, handler) },
      VisibilityMode: { taskpane: "Taskpane", hidden: "Hidden" },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    } as unknown as typeof Office;
  }

  /** The global OfficeRuntime (storage only). */
  get officeRuntime(): typeof OfficeRuntime | undefined {
    if (this.options.noRuntimeStorage) return {} as typeof OfficeRuntime;
    const storage = this.storage;
    return {
      storage: {
        getItem: (key: string) => Promise.resolve(storage.has(key) ? storage.get(key)! : null),
        setItem: (key: string, value: string) => Promise.resolve(void storage.set(key, String(value))),
        removeItem: (key: string) => Promise.resolve(void storage.delete(key)),
      },
    } as unknown as typeof OfficeRuntime;
  }

  /** The global CustomFunctions. */
  get customFunctions(): typeof CustomFunctions {
    const functions = this.functions;
    class FunctionError extends Error {
      constructor(
        readonly code: string,
        message?: string,
      ) {
        super(message);
        this.name = "CustomFunctions.Error";
      }
    }
    return {
      associate: (id: string | Record<string, unknown>, fn?: unknown) => {
        if (typeof id === "string") functions.set(id.toUpperCase(), fn);
        else for (const [k, v] of Object.entries(id)) functions.set(k.toUpperCase(), v);
      },
      Error: FunctionError,
      ErrorCode: {
        invalidValue: "#VALUE!",
        notAvailable: "#N/A",
        divisionByZero: "#DIV/0!",
        invalidNumber: "#NUM!",
        nullReference: "#NULL!",
        invalidName: "#NAME?",
        invalidReference: "#REF!",
      },
    } as unknown as typeof CustomFunctions;
  }
}

export interface FakeHost {
  office: FakeOffice;
  excel: FakeExcel;
  /** Restores the globals that were there before. */
  uninstall(): void;
}

const GLOBALS = ["Office", "OfficeRuntime", "CustomFunctions", "Excel"] as const;

/**
 * Installs Office, OfficeRuntime, CustomFunctions and Excel as globals (in that order), standing in for office.js.
 * In a page, call it before the add-in's scripts run (functions.js associates the functions as it loads, and
 * taskpane.js asks for Office at once); the Excel host starts with one sheet, Sheet1, active.
 */
export function installFakeHost(options: FakeOfficeOptions & { excel?: FakeExcelOptions } = {}): FakeHost {
  const office = new FakeOffice(options);
  const excel = new FakeExcel(options.excel);
  excel.model.addSheet("Sheet1");
  const g = globalThis as Record<string, unknown>;
  const previous = GLOBALS.map((name) => [name, Object.prototype.hasOwnProperty.call(g, name), g[name]] as const);
  g.OfficeRuntime = office.officeRuntime;
  g.CustomFunctions = office.customFunctions;
  g.Office = office.office;
  g.Excel = excel.namespace;
  return {
    office,
    excel,
    uninstall() {
      for (const [name, had, value] of previous) {
        if (had) g[name] = value;
        else delete g[name];
      }
    },
  };
}
