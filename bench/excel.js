// node bench/excel.js [template-id]: the Office.js writer through the fake Excel host (bench/excel.ts, run from source).
require("../test/support/tsrun.js");
require("./excel.ts");
