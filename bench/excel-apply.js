// node bench/excel-apply.js [rows…]: apply through Office.js on the fake Excel host (bench/excel-apply.ts, run from source).
require("../test/support/tsrun.js");
require("./excel-apply.ts");
