// The last part of the e2e shim's script, run once the fake host is installed (test/excel/fake-excel-boot.ts).
//
// - office.js's own code keeps using the global Office for one thing, Office.Promise (Office.onReady and
//   onReadyInternal, called again when o15apptofilemappingtable.js initialises): the fake Office gets office.js's
//   Promise, or office.js throws "Office.Promise is not a constructor" on the page.
// - The fake CustomFunctions records associate calls by upper-case id (__kpiHost.office.functions); this keeps
//   the ids exactly as functions.js passed them, in order, on window.__kpiE2E.associated.
import type { OfficeJsReport } from "./office-js-hooks";

interface Associating {
  associate(id: string | Record<string, unknown>, fn?: unknown): void;
}

const w = window as unknown as {
  Office: { Promise?: unknown };
  Microsoft?: { Office?: { WebExtension?: { Promise?: unknown } } };
  CustomFunctions: Associating;
  __kpiE2E: OfficeJsReport;
};

w.Office.Promise ??= w.Microsoft?.Office?.WebExtension?.Promise ?? Promise;

const functions = w.CustomFunctions;
const associate = functions.associate.bind(functions);
functions.associate = (id, fn) => {
  w.__kpiE2E.associated.push(...(typeof id === "string" ? [id] : Object.keys(id)));
  associate(id, fn);
};
