// The task pane's entry (src/taskpane/index.ts) in the shared runtime: it always reads the workbook's default
// template for the functions, and loads the pane's UI only once the pane is shown.
const mockRenderPane = jest.fn();
jest.mock("../../src/taskpane/app", () => ({ renderPane: (...args: unknown[]) => mockRenderPane(...args) }));

type Handler = (message: { visibilityMode: string }) => void;

interface Page {
  visibilityHandlers: Handler[];
  documentListeners: Array<() => void>;
  document: {
    visibilityState: string;
    getElementById: () => object;
    addEventListener: (t: string, f: () => void) => void;
  };
  window: { innerWidth: number; innerHeight: number };
  ready: Promise<void>;
}

/** Stands in for the page: Office (shared runtime), document and window, with the pane shown or not. */
function installPage(visible: boolean, setting: unknown = "support_kpi", storedLanguage?: string): Page {
  const page = {
    visibilityHandlers: [] as Handler[],
    documentListeners: [] as Array<() => void>,
  } as Page;
  page.document = {
    visibilityState: visible ? "visible" : "hidden",
    getElementById: () => ({ textContent: "" }),
    addEventListener: (_t, f) => page.documentListeners.push(f),
  };
  page.window = { innerWidth: visible ? 300 : 0, innerHeight: visible ? 600 : 0 };
  let ready: () => void = () => undefined;
  page.ready = new Promise<void>((resolve) => (ready = resolve));
  if (storedLanguage !== undefined) {
    (globalThis as Record<string, unknown>).OfficeRuntime = {
      storage: { getItem: (key: string) => Promise.resolve(key === "kpi.language" ? storedLanguage : null) },
    };
  }
  Object.assign(globalThis, {
    document: page.document,
    window: page.window,
    Office: {
      onReady: (f: () => void) => {
        f();
        ready();
        return Promise.resolve({});
      },
      context: {
        document: { settings: { get: (name: string) => (name === "kpi.defaultTemplate" ? setting : null) } },
        requirements: { isSetSupported: (name: string) => name === "SharedRuntime" },
      },
      addin: {
        onVisibilityModeChanged: (h: Handler) => {
          page.visibilityHandlers.push(h);
          return Promise.resolve(() => Promise.resolve());
        },
      },
      VisibilityMode: { taskpane: "Taskpane", hidden: "Hidden" },
    },
  });
  return page;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}

/** Loads the entry afresh (it runs on load) and returns the functions' state module it talks to. */
function loadEntry(): typeof import("../../src/functions/state") {
  jest.resetModules();
  require("../../src/taskpane/index");
  return require("../../src/functions/state");
}

beforeEach(() => {
  mockRenderPane.mockClear();
});

afterEach(() => {
  for (const name of ["document", "window", "Office", "OfficeRuntime"])
    delete (globalThis as Record<string, unknown>)[name];
});

test("with the pane closed, reads the default template but loads no UI until the pane is shown", async () => {
  const page = installPage(false);
  loadEntry();
  await page.ready;
  await settle();
  expect(mockRenderPane).not.toHaveBeenCalled();
  page.visibilityHandlers.forEach((h) => h({ visibilityMode: "Hidden" }));
  await settle();
  expect(mockRenderPane).not.toHaveBeenCalled();
  page.visibilityHandlers.forEach((h) => h({ visibilityMode: "Taskpane" }));
  await settle();
  expect(mockRenderPane).toHaveBeenCalledTimes(1);
  page.visibilityHandlers.forEach((h) => h({ visibilityMode: "Taskpane" }));
  await settle();
  expect(mockRenderPane).toHaveBeenCalledTimes(1);
});

test("opened with the pane, renders it once Office is ready", async () => {
  const page = installPage(true);
  loadEntry();
  await page.ready;
  await settle();
  expect(mockRenderPane).toHaveBeenCalledTimes(1);
});

test("hands the workbook's default template to the functions, and none when the setting is empty", async () => {
  let page = installPage(false, "hongshu_support");
  let state = loadEntry();
  await page.ready;
  expect(state.getDefaultTemplate()).toBe("hongshu_support");
  page = installPage(false, null);
  state = loadEntry();
  await page.ready;
  expect(state.getDefaultTemplate()).toBeNull();
});

test("outside Office (office.js missing), shows the pane at once", async () => {
  const page = installPage(true);
  delete (globalThis as Record<string, unknown>).Office;
  loadEntry();
  await settle();
  expect(mockRenderPane).toHaveBeenCalledTimes(1);
  expect(page.visibilityHandlers).toHaveLength(0);
});

test("a page that becomes visible without a visibility-mode event also shows the pane", async () => {
  const page = installPage(false);
  loadEntry();
  await page.ready;
  page.document.visibilityState = "visible";
  page.window.innerWidth = 320;
  page.window.innerHeight = 640;
  page.documentListeners.forEach((f) => f());
  await settle();
  expect(mockRenderPane).toHaveBeenCalledTimes(1);
});

test("hands the language the user chose in the pane (OfficeRuntime.storage) to the functions at start-up", async () => {
  const page = installPage(false, null, "en");
  const state = loadEntry();
  await page.ready;
  await settle();
  expect(state.currentLang()).toBe("en");
  state.setLanguageOverride(null);
});
