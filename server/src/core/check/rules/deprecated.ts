/**
 * The shipped term-deprecated rules: formulations that standard usage replaces, each with what to write
 * instead, why, and where the usage is laid down. Terms files switch a rule off with `rules: { <id>: false }`.
 */

export interface DeprecatedRule {
  id: string;
  /** Matches the deprecated form; `replace` gets the match and returns the standard form. */
  pattern: RegExp;
  replace(m: RegExpExecArray): string;
  reason: string;
  source: string;
}

export const deprecatedRules: readonly DeprecatedRule[] = [
  {
    id: 'belt-and-road-initiative',
    pattern: /(“?一带一路”?)(?:的)?(战略|工程|计划|议程|项目)/g,
    replace: (m) => `${m[1]}倡议`,
    reason: '“一带一路”是合作倡议，不称“战略”“工程”“计划”“议程”',
    source: '国家发展改革委等部门对“一带一路”对外表述的规范（2015）；英文统一译为 the Belt and Road Initiative',
  },
  {
    id: 'belt-and-road-english',
    pattern: /\bOne Belt,? One Road\b(?: (?:[Ss]trategy|[Pp]roject|[Pp]rogram(?:me)?|[Aa]genda))?|\bOBOR\b/g,
    replace: () => 'the Belt and Road Initiative',
    reason: 'the official English name is “the Belt and Road Initiative” (BRI); not “One Belt One Road”, “strategy”, “project”, “program” or “agenda”',
    source: '国家发展改革委等部门对“一带一路”英文译法的规范（2015）',
  },
  {
    id: 'apec-member-economies',
    pattern: /(APEC|亚太经合组织|亚太经济合作组织)(的)?(各)?成员国/g,
    replace: (m) => `${m[1]}${m[2] ?? ''}${m[3] ?? ''}成员经济体`,
    reason: 'APEC 的成员是“经济体”（包括中国香港、中国台北），不称“成员国”',
    source: 'APEC 成员构成；外交部、新华社用语规范',
  },
  {
    id: 'north-korea',
    pattern: /北朝鲜/g,
    replace: () => '朝鲜',
    reason: '不使用“北朝鲜”的称谓，称“朝鲜”（朝鲜民主主义人民共和国）',
    source: '新华社新闻信息报道中的禁用词和慎用词（2016）',
  },
  {
    id: 'south-korea',
    pattern: /南朝鲜/g,
    replace: () => '韩国',
    reason: '称“韩国”（大韩民国），不称“南朝鲜”',
    source: '新华社新闻信息报道中的禁用词和慎用词（2016）',
  },
  {
    id: 'taiwan-leader',
    pattern: /台湾(?:地区)?(总统|副总统)/g,
    replace: (m) => (m[1] === '副总统' ? '台湾地区副领导人' : '台湾地区领导人'),
    reason: '对台湾地区选举产生的领导人，称“台湾地区领导人”，不称“总统”',
    source: '新华社新闻信息报道中的禁用词和慎用词（2016）',
  },
  {
    id: 'covid-naming',
    pattern: /武汉肺炎|中国病毒/g,
    replace: () => '新冠肺炎疫情',
    reason: '世界卫生组织命名原则不以地名、国名命名疾病',
    source: '世界卫生组织《命名新的人类传染病的最佳做法》（2015）',
  },
];
