/**
 * The figures the complaints subgraph rests on, each with its source. None is a statutory deadline: the response and
 * resolution deadlines of 接诉即办 arrive on each work order from the hotline (`respondBy`, `resolveBy`), so the hub
 * computes no deadline of its own and holds no official scoring formula for the three rates.
 */
export const XICHENG_TAXONOMY = {
  /**
   * Seed 001 (西城区《解决12345热线群众集中反映物业管理问题工作指引》 as reported by 北京青年报, 2019-06-02):
   * 12 categories and 45 items, over 90 % of the property-management calls to the 12345 hotline. The article names
   * none of the categories or items, so the hub ships none of their text (README › Complaints).
   */
  categories: 12,
  items: 45,
  shareOfCallsPercent: 90,
  source: '北京青年报 2019-06-02, 西城三种模式破解社区物业管理难题 (seed 001)',
} as const;
