import { defineTable } from "./column.ts";
import type { Column } from "./column.ts";

const milestone = <N extends string>(
  name: N,
  code: string,
  zh: string,
  en: string,
): Column<N, "date"> => ({ name, code, zh, en, unit: null, type: "date" });

/**
 * Pre-drilling milestones (钻前工程日报): one row per well, the sixteen dates from
 * location review to rig-up, in the order the work is done.
 */
export const PRE_DRILLING = defineTable({
  name: "pre_drilling",
  zh: "钻前工程日报",
  en: "pre-drilling milestones",
  naturalKey: ["well_id"],
  columns: [
    {
      name: "exploration_project",
      code: "KTXM",
      zh: "勘探项目",
      en: "exploration project",
      unit: null,
      type: "text",
    },
    {
      name: "implementation_year",
      code: "SSND",
      zh: "实施年度",
      en: "year of implementation",
      unit: null,
      type: "integer",
    },
    { name: "well_id", code: "JH", zh: "井号", en: "well id", unit: null, type: "text" },
    milestone("location_review_date", "JWZYSJ", "井位论证", "well location reviewed"),
    milestone("location_conditions_date", "JWTJXDSJ", "井位条件下达", "location conditions issued"),
    milestone("location_survey_date", "JWTCLSJ", "井位测量", "well location surveyed"),
    milestone("investment_date", "TZXDSJ", "投资下达", "investment released"),
    milestone("boundary_survey_date", "KJCGCWSJ", "勘界成果完成", "boundary survey completed"),
    milestone("eia_submitted_date", "HPSBSJ", "环评上报", "environmental assessment submitted"),
    milestone(
      "land_application_date",
      "YDSQSBSJ",
      "用地申请上报",
      "land-use application submitted",
    ),
    milestone("engineering_plan_date", "GCFATLSJ", "工程方案讨论", "engineering plan discussed"),
    milestone(
      "geology_design_approved_date",
      "ZJDZSJSPSJ",
      "钻井地质设计审批",
      "drilling geology design approved",
    ),
    milestone(
      "engineering_design_approved_date",
      "ZJGCSJSPSJ",
      "钻井工程设计审批",
      "drilling engineering design approved",
    ),
    milestone("eia_approved_date", "HPXDSJ", "环评下达", "environmental assessment approved"),
    milestone("land_acquired_date", "ZDCWSJ", "征地完成", "land acquisition completed"),
    milestone("temporary_works_start_date", "TLSKSJ", "探临开始", "temporary site works started"),
    milestone("temporary_works_end_date", "TLJSSJ", "探临结束", "temporary site works finished"),
    milestone("rig_move_start_date", "BJKSSJ", "搬家安装开始", "rig move and installation started"),
    milestone("rig_move_end_date", "BJJSSJ", "搬家安装结束", "rig move and installation finished"),
  ],
});

/** The sixteen milestone columns, in the order the work is done. */
export const MILESTONES: readonly Column[] = PRE_DRILLING.columns.filter((c) => c.type === "date");
