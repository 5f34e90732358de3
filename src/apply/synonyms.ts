// Words HR sheets use for things the catalog names differently. Each group is one meaning: a header equal to
// any word of a group matches a rule (or an input) whose name or alias is another word of the same group.
// Words are compared after `normalizeHeader` (NFKC, no spaces, no trailing unit, lower case).

export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // Satisfaction
  ["客户满意度", "满意度", "客户满意率", "满意率", "顾客满意度", "用户满意度", "满意度评分", "客户满意度评分", "customer satisfaction", "satisfaction", "csat", "satisfaction rate"],
  ["项目支持满意度", "支持满意度", "项目满意度", "project satisfaction", "support satisfaction"],
  // Complaints
  ["客户投诉次数", "投诉", "投诉次数", "客户投诉", "被投诉次数", "有效投诉次数", "投诉数", "complaints", "complaint count", "customer complaints", "number of complaints"],
  // Follow-up visits (the count of visits not done is what the rule reads)
  ["未回访项目数", "回访未完成数", "未回访数", "未回访次数", "回访未完成", "未完成回访数", "visits not done", "missed follow-ups", "unvisited projects"],
  ["项目跟踪回访完成率", "回访完成率", "跟踪回访完成率", "回访率", "follow-up rate", "follow-up completion"],
  // Resolution
  ["未及时独立解决项目客户数", "未解决客户数", "未解决数", "未独立解决数", "unresolved", "unresolved customers"],
  // Daily reports
  ["未提交日报次数", "日报未交次数", "日报缺交次数", "缺交日报次数", "未交日报", "missed daily reports", "missed reports"],
  ["日报总结", "日报", "工作日报", "daily report", "daily reports"],
  // Work plan, attendance, attitude
  ["工作计划按时完成率", "计划完成率", "按时完成率", "工作计划完成率", "plan completion", "on-time rate"],
  ["出勤率", "出勤", "考勤", "attendance", "attendance rate"],
  ["是否全勤", "全勤", "full attendance"],
  ["工作态度", "态度", "work attitude", "attitude"],
  ["服务态度", "service attitude", "服务评分"],
  // Exams and skills
  ["专业知识考核成绩", "专业知识考试", "知识考试成绩", "考试成绩", "考试分数", "exam score", "knowledge exam", "exam"],
  ["业务技能考核", "技能考核", "技能考核成绩", "业务技能", "skills test", "skills"],
  ["培训学习成绩", "培训成绩", "学习成绩", "培训考试成绩", "training score"],
  // E-commerce customer service
  ["差评次数", "差评", "差评数", "bad reviews", "negative reviews"],
  ["好评次数", "好评", "好评数", "good reviews", "positive reviews"],
  ["询单转化率", "转化率", "咨询转化率", "conversion", "conversion rate"],
  ["成交金额", "销售额", "销售金额", "业绩", "sales", "sales amount"],
  ["客单价", "平均客单价", "average order value", "aov"],
  ["及时响应", "响应时间", "响应速度", "response time"],
  ["首问响应秒数", "首次响应时间", "首响时间", "首响", "first response", "first response time"],
  ["平均响应秒数", "平均响应时间", "平响", "average response", "average response time"],
  // Qualitative rows
  ["工作量", "工作量及过程", "workload", "amount of work"],
  ["工作质量", "质量", "质量指标", "quality", "work quality"],
  ["团队合作", "团队协作", "teamwork", "team work"],
  ["创新能力", "创新", "innovation"],
  ["责任心", "责任感", "responsibility"],
  ["学习提升", "学习成长", "技术学习交流与成长", "learning", "learning and growth"],
  ["文档撰写", "文档", "documentation", "documents"],
];

/** Headers of columns that describe the employee, never an input. */
export const STAFF_HEADERS = {
  name: ["姓名", "名字", "员工姓名", "员工", "人员", "人员姓名", "被考核人", "被考核人姓名", "考核对象", "职员", "name", "employee", "employee name", "staff", "staff name", "full name"],
  id: ["工号", "员工编号", "员工号", "编号", "职工号", "id", "employee id", "staff id", "employee no", "employee number", "emp id", "no"],
  department: ["部门", "所属部门", "部门名称", "科室", "小组", "组别", "团队", "department", "dept", "depart", "team", "group"],
  position: ["岗位", "职位", "职务", "岗位名称", "职级", "position", "title", "job title", "role"],
  sequence: ["序号", "序", "行号", "#", "seq", "index", "sn"],
  remarks: ["备注", "说明", "评语", "签字", "签名", "考核人签字", "remarks", "remark", "notes", "note", "comment", "comments"],
  period: ["月份", "期间", "考核期间", "考核月份", "月", "季度", "日期", "month", "period", "date", "quarter"],
} as const;

export type StaffField = keyof typeof STAFF_HEADERS;

/** Labels of totals rows: data stops there. */
export const TOTAL_ROW_WORDS = ["合计", "总计", "小计", "汇总", "平均", "均值", "之和", "总和", "total", "totals", "sum", "subtotal", "average", "avg", "mean"];

/** Headers that name a period (a month, quarter or year-month): several of them mean periods run across the columns. */
export const PERIOD_HEADER =
  /^(?:\d{1,2}月(?:份)?|[一二三四五六七八九十]{1,2}月(?:份)?|q[1-4]|第?[一二三四1-4]季度|[1-4]季度|\d{4}[-/.年]\d{1,2}月?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|h[12]|上半年|下半年)$/i;

/** A label followed by a value in one cell, as forms print them above their tables: 姓    名：张三, Name: Ann. */
export const FORM_LABEL = /^(?:姓名|名字|员工姓名|被考核人|考核对象|name|employee)\s*[:：]/i;
