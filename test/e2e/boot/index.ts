// The e2e shim's script after office.js (bundled by test/e2e/support.ts; served, appended to the npm package's
// office.js, where dist/taskpane.html loads office.js from Microsoft's CDN). Modules run in import order:
// office.js hooks, the fake host (test/excel/fake-excel-boot.ts, which reads ?lang= and installs OfficeRuntime,
// CustomFunctions, Office and Excel), then what office.js still needs of the fake Office and the associate
// recorder. All of it runs before functions.js.
import "./office-js-hooks";
import "../../excel/fake-excel-boot";
import "./after-host";
