// 分发功能的简体中文界面文字：预览链接、分享的预览页与更正。键与 en-distribution.ts 一一对应。
import type { enDistribution } from './en-distribution';

export const zhHansDistribution: Record<keyof typeof enDistribution, string> = {
  'previewLink.title': '预览链接',
  'previewLink.explain': '持有链接的人无需登录即可阅读已保存的工作版本（草稿也可以），直到链接过期。',
  'previewLink.lasts': '链接有效期',
  'previewLink.hour': '1 小时',
  'previewLink.day': '1 天',
  'previewLink.week': '1 周',
  'previewLink.create': '生成预览链接',
  'previewLink.link': '分享链接',
  'previewLink.copy': '复制链接',
  'previewLink.copied': '链接已复制',
  'previewLink.expires': '有效至 {time}。',
  'previewLink.unsaved': '链接显示的是最后保存的版本：请先保存，才能包含您最新的修改。',
  'previewLink.revoke': '撤销所有预览链接',
  'previewLink.revokeTitle': '撤销这篇稿件的所有预览链接？',
  'previewLink.revokeExplain': '任何人为这篇稿件生成的链接都会立即失效。之后可以再生成新的链接。',
  'previewLink.revoked': '预览链接已撤销',
  'previewLink.forbidden': '您的角色不能为这篇稿件生成预览链接。',

  'sharedPreview.title': '稿件预览',
  'sharedPreview.banner': '这是读者尚未看到的版本（{status}）的预览，内容仍可能修改。此链接有效至 {time}。',
  'sharedPreview.missing': '这个地址缺少预览链接的其余部分。请向编辑部索取完整链接。',
  'sharedPreview.expired': '这个预览链接已过期。请向编辑部索取新的链接。',
  'sharedPreview.invalid': '这个预览链接无效：已被撤销、复制不完整，或稿件已删除。',

  'corrections.title': '更正',
  'corrections.none': '没有更正。',
  'corrections.add': '追加更正',
  'corrections.text': '更正启事',
  'corrections.textHint': '读者会立即在稿件下方看到这则启事及其时间；稿件其他未发布的修改仍不发布。启事发布后不能修改或删除。',
  'corrections.required': '请填写更正启事。',
  'corrections.publish': '发布更正',
  'corrections.published': '更正已发布',
  'problem.notPublished': '只有已发布的稿件才能追加更正；读者看不到的稿件直接修改即可。',
};
