// Real words of Malaysian Chinese-language news, grouped by role, for composing benchmark stories.
// The words matter more than the grammar: the index sees what jieba makes of them, so a realistic
// vocabulary gives a realistic number of distinct terms, posting-list lengths and document sizes.

export type Topic = 'politics' | 'economy' | 'world' | 'sports' | 'local' | 'society';

export const TOPICS: readonly Topic[] = ['politics', 'economy', 'world', 'sports', 'local', 'society'];

const words = (text: string): string[] => text.trim().split(/\s+/u);

export const PEOPLE: Record<Topic, string[]> = {
  politics: words('安华 慕尤丁 马哈迪 纳吉 阿末扎希 林冠英 陆兆福 魏家祥 哈迪阿旺 拉菲兹 法米法兹 倪可敏 杨美盈 张念群 阿兹敏 希山慕丁 东姑扎夫鲁 沙努西 阿米鲁丁沙里 凯里'),
  economy: words('东姑扎夫鲁 安华 阿米鲁丁沙里 拉菲兹 马斯克 鲍威尔 郭素沁 倪可敏'),
  world: words('布林肯 拉夫罗夫 普京 拜登 特朗普 泽连斯基 马克龙 朔尔茨 岸田文雄 尹锡悦 金正恩 莫迪 埃尔多安 内塔尼亚胡 古特雷斯 佐科威 普拉博沃 小马科斯 黄循财 李显龙 洪玛奈 习近平 王毅 冯德莱恩 吕特'),
  sports: words('李梓嘉 吴柳莹 谢定峰 苏伟译 陈炳顺 刘斯维 潘德光 金宝华'),
  local: words('张念群 杨美盈 倪可敏 郭素沁 陆兆福 曹观友 阿敏'),
  society: words('郭素沁 张念群 法米法兹 杨美盈 魏家祥'),
};

export const PLACES: Record<Topic, string[]> = {
  politics: words('布城 吉隆坡 国会大厦 雪兰莪 柔佛 槟城 沙巴 砂拉越 吉兰丹 登嘉楼 霹雳 彭亨'),
  economy: words('吉隆坡 新加坡 柔佛 槟城 纽约 伦敦 上海 香港 东京 马六甲'),
  world: words('华盛顿 莫斯科 基辅 日内瓦 北京 东京 首尔 平壤 新德里 德黑兰 加沙 耶路撒冷 布鲁塞尔 巴黎 柏林 伦敦 雅加达 马尼拉 曼谷 金边 河内'),
  sports: words('武吉加里尔 吉隆坡 东京 巴黎 雅加达 曼谷 新加坡 伯明翰'),
  local: words('新山 怡保 古晋 亚庇 马六甲 芙蓉 关丹 哥打巴鲁 亚罗士打 巴生 八打灵再也 梳邦再也 加影 蒲种 诗巫 斗湖'),
  society: words('吉隆坡 槟城 新山 怡保 古晋 巴生 蕉赖 士毛月'),
};

export const ORGANISATIONS: Record<Topic, string[]> = {
  politics: words('国阵 希盟 国盟 伊党 巫统 行动党 公正党 土团党 民政党 马华 国大党 团结政府 选举委员会 反贪会 国会 州议会'),
  economy: words('国家银行 马来西亚交易所 国家石油公司 财政部 投资发展局 美联储 世界银行 国际货币基金组织 统计局 雇主联合会'),
  world: words('联合国 北约 欧盟 东盟 白宫 克里姆林宫 世界卫生组织 安理会 七国集团 二十国集团'),
  sports: words('羽总 足总 奥理会 国家体育理事会 世界羽联 亚足联'),
  local: words('市议会 警方 消防局 水务局 国家能源公司 公共工程局 陆路交通局 环境局'),
  society: words('卫生部 教育部 人力资源部 华总 董教总 福利局 消费人协会'),
};

export const NOUNS: Record<Topic, string[]> = {
  politics: words('大选 补选 议员 部长 首相 副首相 州务大臣 国会议席 反对党 联邦政府 州政府 政策 改革 法案 宪法 选民 投票率 内阁 政党 领导权 联盟 议席 竞选 宣言 贪污 诉讼 特赦'),
  economy: words('经济 市场 投资 贸易 出口 进口 通货膨胀 利率 汇率 令吉 美元 股市 油价 物价 预算案 税务 补贴 薪金 就业 失业率 企业 中小企业 银行 房价 棕油 橡胶 外资 增长 盈利 股息 债券 消费税 电费'),
  world: words('战争 冲突 停火 谈判 会谈 峰会 协议 制裁 援助 难民 边境 领土 主权 核武 导弹 外交 军队 局势 安全 盟友 关税 选举 人质 空袭'),
  sports: words('足球 羽毛球 球员 比赛 冠军 亚军 决赛 半决赛 奥运会 运动员 教练 球迷 联赛 公开赛 世界杯 金牌 国家队 主场 进球'),
  local: words('交通 公路 高速公路 地铁 轻快铁 机场 水灾 暴雨 山崩 火灾 车祸 罪案 嫌犯 居民 社区 垃圾 停水 停电 道路 组屋 小贩 巴刹 摊贩 罚款'),
  society: words('教育 学校 学生 大学 考试 华小 独中 医院 医生 病人 疫苗 疫情 卫生 儿童 妇女 老人 青年 家庭 节日 春节 开斋节 屠妖节 文化 华社 网民 社交媒体 诈骗 福利 退休金'),
};

export const COMMON_NOUNS = words(
  '政府 问题 计划 项目 工程 建设 发展 合作 关系 挑战 风险 危机 机会 数据 报告 调查 情况 措施 方案 影响 原因 结果 过程 目标 责任 资金 拨款 人民 国家 地区 国际 全球 媒体 记者 新闻 当局 官员 代表 专家 分析师 公众 科技 人工智能 数码 网络 手机 电子钱包 电动车 能源 电力 水供 环境 气候 天气 价格 消费者 商家 粮食 大米 食品 榴莲',
);

export const VERBS = words(
  '表示 指出 强调 透露 宣布 认为 呼吁 批评 否认 承诺 决定 同意 拒绝 要求 提出 讨论 商讨 会见 访问 出席 举行 召开 推出 推动 加强 提高 降低 增加 减少 上涨 下跌 扩大 支持 反对 调查 逮捕 起诉 判决 上诉 投票 当选 辞职 委任 签署 落实 实施 检讨 关注 担心 欢迎 感谢 解决 处理 应对 恢复 影响 造成 导致 获得 赢得 击败 夺得 完成 开始 结束 展开 发现 证实',
);

export const TIMES = words('今日 昨日 明日 周一 周二 周三 周四 周五 周六 周日 上周 下周 本月 上月 今年 去年 明年 早前 日前 近日 目前 未来');

export const ADVERBS = words('已经 将 正在 仍然 继续 进一步 全面 积极 严重 大幅 明显 尽快 逐步 首次 再次');

export const CONNECTIVES = words('同时 此外 然而 因此 不过 另一方面 与此同时 据了解 值得注意的是 对此');

export const MEDIA = words('路透社 法新社 美联社 新华社 彭博社 马新社 星洲日报 东方日报 南洋商报 光明日报');

export const UNITS = words('人 宗 个 万令吉 亿令吉 万美元 公里 公顷 间 辆 吨 巴仙');
