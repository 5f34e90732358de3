import Ajv from "ajv";
import { run, type Io } from "../../src/cli/main";
import schema from "../../src/catalog/template.schema.json";

async function kpi(args: string[], stdin = ""): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readStdin: async () => stdin,
    stdinLines: async function* () {
      yield* stdin.split("\n");
    },
  };
  const code = await run(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("kpi catalog", () => {
  test("lists all ten templates with their indicators", async () => {
    const { code, out } = await kpi(["catalog"]);
    expect(code).toBe(0);
    for (const title of ["淘宝售前kpi考核", "鸿数-技术支持绩效考核", "3-高级售前工程师绩效考核表", "售前经理绩效考核评分表"]) {
      expect(out).toContain(title);
    }
    expect(out).toContain("项目支持满意度");
    expect(out).toContain("≥ 95→15");
  });

  test("speaks English with --lang en", async () => {
    const { out } = await kpi(["catalog", "--lang", "en"]);
    expect(out).toContain("Project support satisfaction");
    expect(out).toContain("Weight");
  });

  test("--json prints the whole catalog, valid against the schema", async () => {
    const { code, out } = await kpi(["catalog", "--json"]);
    expect(code).toBe(0);
    const data = JSON.parse(out) as { templates: unknown[] };
    expect(data.templates).toHaveLength(10);
    const validate = new Ajv({ allErrors: true }).compile(schema);
    for (const t of data.templates) expect(validate(t) ? [] : validate.errors).toEqual([]);
  });
});

describe("kpi score", () => {
  test("prints the points, and why with --explain", async () => {
    const { code, out } = await kpi(["score", "support_kpi", "satisfaction", "92", "--explain"]);
    expect(code).toBe(0);
    expect(out.split("\n")[0]).toBe("12");
    expect(out).toContain("≥ 90");
  });

  test("takes Chinese names and a second input", async () => {
    const { out } = await kpi(["score", "淘宝售前kpi考核", "及时响应", "25", "70"]);
    expect(out).toBe("3");
  });

  test("reads 92% as a rate, and refuses 92 with a hint", async () => {
    expect((await kpi(["score", "售前售后技术支持绩效考核模板", "客户满意度", "92%"])).out).toBe("10");
    const refused = await kpi(["score", "售前售后技术支持绩效考核模板", "客户满意度", "92"]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("92%");
  });

  test("an unknown rule exits non-zero with one line suggesting the nearest names", async () => {
    const { code, err, out } = await kpi(["score", "support_kpi", "满意度x", "92"]);
    expect(code).not.toBe(0);
    expect(out).toBe("");
    expect(err.split("\n")).toHaveLength(1);
    expect(err).toContain("您是不是要找");
    expect(err).toContain("项目支持满意度");
  });

  test("an unknown template exits non-zero and suggests templates, in English with --lang en", async () => {
    const { code, err } = await kpi(["score", "taobao", "x", "1", "--lang", "en"]);
    expect(code).toBe(1);
    expect(err).toContain("Unknown template");
  });

  test("a blank input gives no points rather than 0", async () => {
    expect((await kpi(["score", "support_kpi", "satisfaction", ""])).out).toBe("空白(不计分)");
  });
});

describe("kpi grade", () => {
  test("prints the grade code, label and printed range", async () => {
    const { code, out } = await kpi(["grade", "鸿数-技术支持绩效考核", "100.5"]);
    expect(code).toBe(0);
    expect(out).toBe("C\tC称职\t80~100分");
  });

  test("a template without a grade scale says so", async () => {
    const { code, err } = await kpi(["grade", "support_kpi", "90"]);
    expect(code).toBe(1);
    expect(err).toContain("没有等级标准");
  });
});

describe("kpi assess", () => {
  test("scores a whole assessment from JSON on stdin keyed by Chinese names", async () => {
    const input = JSON.stringify({
      项目技术解决率: 0,
      项目支持满意度: 92,
      项目跟踪回访完成率: 4,
      客户投诉次数: 1,
      技术学习交流与成长: [96, 1],
      日报总结: [2, ""],
    });
    // 35 + 12 + 10 + 10 + (10 + 2) + (10 - 2) = 87
    const { code, out } = await kpi(["assess", "support_kpi", "--input", "-", "--json"], input);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.total).toBe(87);
    expect(result.rules).toHaveLength(6);
  });

  test("a blank indicator leaves the total blank and names it", async () => {
    const { out } = await kpi(["assess", "support_kpi", "--input", "-"], JSON.stringify({ 项目支持满意度: 92 }));
    expect(out).toContain("总分: —");
    expect(out).toContain("项目技术解决率");
  });
});

describe("kpi batch", () => {
  test("answers every non-blank line with exactly one line, in order, and exits 0", async () => {
    const lines = [
      JSON.stringify({ template: "support_kpi", indicator: "satisfaction", input: 95 }),
      "",
      JSON.stringify({ template: "鸿数-技术支持绩效考核", indicator: "投诉", input: 2 }),
      "not json",
      JSON.stringify({ template: "淘宝售前kpi考核", indicator: "及时响应", input: [31, 60] }),
      JSON.stringify({ template: "鸿数-技术支持绩效考核", total: 110 }),
      JSON.stringify({ template: "3-高级售前技术工程师绩效考核表", total: 89.99 }),
      JSON.stringify({ template: "support_kpi", indicator: "satisfaction", input: null }),
      JSON.stringify({ template: "support_kpi", indicator: "nope", input: 1 }),
      JSON.stringify({ template: "support_kpi", total: 90 }),
      "   ",
    ];
    const { code, out } = await kpi(["batch"], lines.join("\n"));
    expect(code).toBe(0);
    const answers = out.split("\n").map((l) => JSON.parse(l));
    expect(answers).toHaveLength(9);
    expect(answers[0]).toEqual({ points: 15 });
    expect(answers[1]).toEqual({ points: -20 });
    expect(answers[2].error).toMatch(/JSON/);
    expect(answers[3]).toEqual({ points: 2 });
    expect(answers[4]).toEqual({ grade: "A", label: "A杰出", label_en: expect.any(String) });
    expect(answers[5]).toEqual({ grade: "良好", label: "良好", label_en: expect.any(String) });
    expect(answers[6]).toEqual({ points: null });
    expect(answers[7].error).toContain("nope");
    expect(answers[8].error).toContain("等级");
  });

  test("errors follow --lang, grades stay Chinese", async () => {
    const lines = [JSON.stringify({ template: "x" }), JSON.stringify({ template: "hongshu_support", total: 59 })].join("\n");
    const answers = (await kpi(["batch", "--lang", "en"], lines)).out.split("\n").map((l) => JSON.parse(l));
    expect(answers[0].error).toContain("Unknown template");
    expect(answers[1].label).toBe("E不称职");
  });
});
