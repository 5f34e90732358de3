/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/no-navigational-load -- these tests misuse Office.js on purpose, to see the fake refuse what Excel refuses */
import { readFileSync } from "node:fs";
import { API, CLIENT_OBJECT_MEMBERS, ENUMS, FakeApiError, FakeExcel, type ApiClass } from "./fake-excel";

// The fake host behaves like Excel where the writer depends on it, and only offers what Office.js has.

const dts = readFileSync(require.resolve("@types/office-js/index.d.ts"), "utf8");

function namespaceText(ns: string): string {
  const start = dts.indexOf(`declare namespace ${ns} {`);
  const end = dts.indexOf("\ndeclare namespace ", start + 1);
  return dts.slice(start, end < 0 ? undefined : end);
}

/** Members declared in a class body of @types/office-js: name → readonly? method? */
function classMembers(ns: string, cls: string): Map<string, { readonly: boolean; method: boolean }> {
  const text = namespaceText(ns);
  const head = new RegExp(`^ {4}class ${cls}(?: extends [^{]+)? \\{$`, "m").exec(text);
  if (!head) throw new Error(`class ${ns}.${cls} not found in @types/office-js`);
  const body = text.slice(head.index + head[0].length, text.indexOf("\n    }\n", head.index));
  const members = new Map<string, { readonly: boolean; method: boolean }>();
  for (const m of body.matchAll(/^ {8}(readonly )?([A-Za-z_$][\w$]*)\??(\(|:|<)/gm)) {
    const prev = members.get(m[2]);
    members.set(m[2], {
      readonly: (prev?.readonly ?? true) && Boolean(m[1]),
      method: (prev?.method ?? false) || m[3] !== ":",
    });
  }
  return members;
}

function enumMembers(name: string): Map<string, string> {
  const text = namespaceText("Excel");
  const head = new RegExp(`^ {4}enum ${name} \\{$`, "m").exec(text);
  if (!head) throw new Error(`enum Excel.${name} not found`);
  const body = text.slice(head.index, text.indexOf("\n    }\n", head.index));
  return new Map([...body.matchAll(/^ {8}(\w+) = "([^"]*)",?$/gm)].map((m) => [m[1], m[2]]));
}

/** Where each fake class's members are declared: the Excel class, plus OfficeExtension bases. */
function declared(cls: string): Array<Map<string, { readonly: boolean; method: boolean }>> {
  if (cls === "RequestContext")
    return [classMembers("Excel", "RequestContext"), classMembers("OfficeExtension", "ClientRequestContext")];
  return [classMembers("Excel", cls), classMembers("OfficeExtension", "ClientObject")];
}

describe("the fake offers only what @types/office-js declares", () => {
  test.each(Object.keys(API))("Excel.%s", (cls) => {
    const spec: ApiClass = (API as Record<string, ApiClass>)[cls];
    const sources = declared(cls);
    const find = (name: string) => sources.map((s) => s.get(name)).find(Boolean);
    const missing: string[] = [];
    for (const [name, access] of Object.entries(spec.props ?? {})) {
      const m = find(name);
      if (!m || m.method) missing.push(`property ${name}`);
      else if (access === "rw" && m.readonly) missing.push(`writable ${name}`);
    }
    for (const name of spec.nav ?? []) if (!find(name) || find(name)!.method) missing.push(`navigation ${name}`);
    for (const name of spec.methods ?? []) if (!find(name)?.method) missing.push(`method ${name}`);
    if (cls !== "RequestContext") {
      for (const name of CLIENT_OBJECT_MEMBERS.methods)
        if ((name !== "load" || spec.load !== false) && !find(name)?.method) missing.push(`method ${name}`);
      for (const name of Object.keys(CLIENT_OBJECT_MEMBERS.props)) if (!find(name)) missing.push(`property ${name}`);
    }
    expect(missing).toEqual([]);
  });

  test.each(Object.keys(ENUMS))("Excel.%s has the fake's members with the same values", (name) => {
    const real = enumMembers(name);
    for (const [key, value] of Object.entries((ENUMS as Record<string, Record<string, string>>)[name]))
      expect([key, real.get(key)]).toEqual([key, value]);
  });

  test("Excel.run exists", () => {
    expect(namespaceText("Excel")).toMatch(
      /^ {4}function run<T>\(batch: \(context: Excel\.RequestContext\) => Promise<T>\): Promise<T>;$/m,
    );
  });
});

async function rejection(p: Promise<unknown>): Promise<{ code?: string; message: string; name: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; message: string; name: string };
  }
  throw new Error("expected a rejection");
}

function host(options = {}): FakeExcel {
  const fake = new FakeExcel(options);
  fake.model.addSheet("Sheet1");
  return fake;
}

describe("the fake host", () => {
  test("throws on a member the real API lacks, and on setting a read-only one", async () => {
    const fake = host();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      expect(() => (sheet as unknown as { foo: unknown }).foo).toThrow(FakeApiError);
      expect(() => (sheet.getRange("A1") as unknown as { valuez: unknown }).valuez).toThrow(
        /Excel.Range has no member "valuez"/,
      );
      expect(() => ((sheet as unknown as { id: string }).id = "x")).toThrow(/cannot be set/);
      expect(() => (fake.namespace as unknown as Record<string, unknown>).Workbook).toThrow(
        /Excel has no member "Workbook"/,
      );
      expect(() => (fake.namespace.ConditionalFormatType as unknown as Record<string, unknown>).bogus).toThrow(
        FakeApiError,
      );
    });
  });

  test("refuses to read a property that was not loaded and synced (PropertyNotLoaded)", async () => {
    const fake = host();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      expect(() => sheet.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheet.load("name");
      expect(() => sheet.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(sheet.name).toBe("Sheet1");
      expect(() => sheet.position).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1"]);
      expect(() => sheet.load("nonsense")).toThrow(FakeApiError);
    });
  });

  test("queues calls and runs them at sync, counting syncs, calls and bytes", async () => {
    const fake = host();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      range.values = [
        ["a", "b"],
        ["c", "d"],
      ];
      expect(fake.model.sheet("Sheet1")!.cell(1, 1)).toBeUndefined();
      await context.sync();
    });
    expect(fake.model.sheet("Sheet1")!.cell(2, 2)!.value).toBe("d");
    expect(fake.stats.syncs).toBe(1);
    expect(fake.stats.apiCalls).toBe(3);
    expect(fake.stats.requests[0]).toMatchObject({
      calls: 3,
      members: { "WorksheetCollection.getItem": 1, "Worksheet.getRange": 1, "Range.values": 1 },
    });
    expect(fake.stats.requests[0].bytes).toBeGreaterThan(0);
  });

  test("types strings as Excel does unless they are quote-prefixed or the cell is text", async () => {
    const fake = host();
    const risky = ["00123", "2026-01", "1E5", "-001", "=1+1", "@SUM(A1)", "\tTab", "TRUE", "1/2", "12:30"];
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A10").values = risky.map((s) => [s]);
      sheet.getRange("B1:B10").values = risky.map((s) => [`'${s}`]);
      sheet.getRange("C1:C10").numberFormat = "@" as unknown as string[][];
      sheet.getRange("C1:C10").values = risky.map((s) => [s]);
    });
    const sheet = fake.model.sheet("Sheet1")!;
    const typed = risky.map((_s, i) => sheet.cell(i + 1, 1)!);
    expect(typed.map((c) => c.formula ?? c.value)).toEqual([
      123,
      46023,
      100000,
      -1,
      "=1+1",
      "=SUM(A1)",
      "Tab",
      true,
      46024,
      0.5208333333333334,
    ]);
    expect(risky.map((_s, i) => sheet.cell(i + 1, 2)!.value)).toEqual(risky);
    expect(risky.map((_s, i) => sheet.cell(i + 1, 2)!.quotePrefix)).toEqual(risky.map(() => true));
    expect(risky.map((_s, i) => sheet.cell(i + 1, 3)!.value)).toEqual(risky);
  });

  test("takes one value for a whole range and leaves cells given null alone", async () => {
    const fake = host();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A3").formulasR1C1 = "=RC[1]*2" as unknown as string[][];
      sheet.getRange("B1:C1").values = [[1, 2]];
      sheet.getRange("B1:C1").values = [[null, 5]];
      expect(() => (sheet.getRange("A1:B2").values = [[1]])).not.toThrow();
      const rejected = await rejection(context.sync());
      expect(rejected.code).toBe("InvalidArgument");
    });
    const sheet = fake.model.sheet("Sheet1")!;
    expect([1, 2, 3].map((r) => sheet.cell(r, 1)!.formulaR1C1)).toEqual(["=RC[1]*2", "=RC[1]*2", "=RC[1]*2"]);
    expect([sheet.cell(1, 2)!.value, sheet.cell(1, 3)!.value]).toEqual([1, 5]);
  });

  test("refuses protect() on a protected sheet", async () => {
    const fake = host();
    const error = await rejection(
      fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.protection.protect();
        await context.sync();
        sheet.protection.protect({ allowSort: true });
        await context.sync();
      }),
    );
    expect(error).toMatchObject({ name: "RichApi.Error", code: "InvalidOperation" });
  });

  test("refuses writes to locked cells of a protected sheet and accepts them in unlocked cells", async () => {
    const fake = host();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B1").format.protection.locked = false;
      sheet.protection.protect({ allowSort: true });
      await context.sync();
      sheet.getRange("B1").values = [[5]];
      await context.sync();
      sheet.getRange("A1").values = [[5]];
      expect((await rejection(context.sync())).code).toBe("AccessDenied");
      sheet.getRange("B1").format.font.bold = true;
      expect((await rejection(context.sync())).code).toBe("AccessDenied");
    });
    expect(fake.model.sheet("Sheet1")!.cell(1, 2)!.value).toBe(5);
    expect(fake.model.sheet("Sheet1")!.cell(1, 1)?.value ?? null).toBeNull();
  });

  test("refuses a table over merged cells", async () => {
    const fake = host();
    const error = await rejection(
      fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1:C1").values = [["a", "b", "c"]];
        sheet.getRange("A2:B2").merge(false);
        sheet.tables.add(sheet.getRange("A1:C3"), true);
        await context.sync();
      }),
    );
    expect(error.code).toBe("InvalidOperation");
    expect(fake.model.tables).toEqual([]);
  });

  test("refuses invalid and duplicate sheet, defined and table names, ignoring case", async () => {
    const fake = host();
    const attempt = (write: (context: Excel.RequestContext) => void) =>
      rejection(
        fake.run(async (context) => {
          write(context);
          await context.sync();
        }),
      ).then((e) => e.code);
    expect(await attempt((c) => c.workbook.worksheets.add("sheet1"))).toBe("ItemAlreadyExists");
    expect(await attempt((c) => c.workbook.worksheets.add("a/b"))).toBe("InvalidArgument");
    expect(await attempt((c) => c.workbook.worksheets.add("x".repeat(32)))).toBe("InvalidArgument");
    expect(await attempt((c) => c.workbook.worksheets.add("'quoted'"))).toBe("InvalidArgument");
    expect(await attempt((c) => c.workbook.worksheets.add("history"))).toBe("InvalidArgument");
    const sheet = (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Sheet1");
    await fake.run(async (c) => {
      c.workbook.names.add("KPI_x", sheet(c).getRange("A1"));
      sheet(c).getRange("A1:B1").values = [["h1", "h2"]];
      sheet(c).tables.add(sheet(c).getRange("A1:B2"), true).name = "KPI_table";
    });
    expect(await attempt((c) => c.workbook.names.add("kpi_X", sheet(c).getRange("B1")))).toBe("ItemAlreadyExists");
    expect(await attempt((c) => c.workbook.names.add("kpi_table", sheet(c).getRange("B1")))).toBe("ItemAlreadyExists");
    expect(await attempt((c) => c.workbook.names.add("A1", sheet(c).getRange("B1")))).toBe("InvalidArgument");
    expect(await attempt((c) => c.workbook.names.add("R1C1", sheet(c).getRange("B1")))).toBe("InvalidArgument");
    expect(await attempt((c) => c.workbook.names.add("1st", sheet(c).getRange("B1")))).toBe("InvalidArgument");
    expect(
      await attempt((c) => {
        sheet(c).getRange("D1:E1").values = [["h1", "h2"]];
        sheet(c).tables.add(sheet(c).getRange("D1:E2"), true).name = "KPI_X";
      }),
    ).toBe("ItemAlreadyExists");
  });

  test("refuses a request over 5 MB", async () => {
    const fake = host();
    const big = Array.from({ length: 60_000 }, (_v, i) => [
      `员工${i}的名字很长很长很长很长很长很长很长很长很长很长很长很长很长很长`,
    ]);
    const error = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${big.length}`).values = big;
        await context.sync();
      }),
    );
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(fake.stats.requests[0].bytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(fake.model.sheet("Sheet1")!.cells.size).toBe(0);
  });

  test("refuses objects of an Excel.run that has ended", async () => {
    const fake = host();
    let leaked: Excel.Worksheet | undefined;
    await fake.run(async (context) => {
      leaked = context.workbook.worksheets.getItem("Sheet1");
    });
    expect(() => leaked!.getRange("A1")).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }));
  });

  test("fails every sync in cell-edit mode", async () => {
    const fake = host({ cellEditMode: true });
    const error = await rejection(fake.run(async (context) => context.sync()));
    expect(error.code).toBe("InvalidOperationInCellEditMode");
  });
});
