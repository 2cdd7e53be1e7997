/**
 * The most common Japanese surnames, to read 「はじめまして、田中です」 as a person naming themselves
 * (R-MSG-4 §7(2)①ク). Only used after a greeting or 私は, where a surname is what comes next.
 */

/**
 * Common surnames, longest first so 佐々木 wins over 佐.
 *
 * @example COMMON_SURNAMES.includes('佐藤'); // true
 */
export const COMMON_SURNAMES: readonly string[] = (
  '佐藤 鈴木 高橋 田中 伊藤 渡辺 渡邊 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 斎藤 斉藤 清水 山崎 森 池田 橋本 阿部 石川 ' +
  '山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 福田 太田 西村 藤井 金子 岡本 藤原 中野 三浦 原田 中川 松田 ' +
  '竹内 小野 田村 中山 和田 石田 森田 上田 原 柴田 酒井 工藤 横山 宮崎 宮本 内田 高木 安藤 島田 谷口 大野 高田 丸山 今井 河野 藤本 村田 ' +
  '武田 上野 杉山 増田 小山 平野 大塚 千葉 久保 松井 岩崎 木下 野口 菅原 野村 新井 渡部 佐野 松尾 菊地 菊池 野田 西田 樋口 北村 吉川 山内 ' +
  '桜井 櫻井 大西 永井 小島 松浦 早川 服部 片山 市川 平田 矢野 古川 水野 吉村 広瀬 中西 川口 辻 関 星野 秋山 大橋 荒木 安田 本田 久保田 ' +
  '石原 小松 中井 吉岡 森本 川村 高野 岩田 内藤 五十嵐 土屋 北川 熊谷 小池 平井 大川 ' +
  'さとう すずき たかはし たなか いとう わたなべ やまもと なかむら こばやし かとう よしだ やまだ ささき やまぐち まつもと いのうえ きむら ' +
  'サトウ スズキ タカハシ タナカ イトウ ワタナベ ヤマモト ナカムラ コバヤシ カトウ ヨシダ ヤマダ ササキ'
)
  .split(' ')
  .sort((a, b) => b.length - a.length);
