/**
 * A plan page saved from a government site to plan text: only the article
 * body, without the site's navigation, breadcrumbs, header, footer, share and
 * QR-code boxes or print/close links.
 */
import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { PlanInputError } from '../errors.ts';
import { hastToBlocks } from './hast-to-blocks.ts';
import { decodeHtml } from './html-charset.ts';
import { renderBlocks } from './text-blocks.ts';

/** Content containers of the CMSs that county sites run (TRS, Hanweb, …), most specific first. */
export const ARTICLE_SELECTORS = [
  '#zoom',
  '.TRS_Editor',
  '.TRS_UEDITOR',
  '#UCAP-CONTENT',
  '.article-content',
  '.pages_content',
  'article',
  '.content',
  '#content',
  '.article',
  '#zw',
  '.zw',
];

/** Chinese characters an article body needs at least; less is a stub or an error page. */
const MIN_BODY_CJK = 50;

/** Site chrome by tag: never part of an article. */
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu']);

/** Class or id words of site chrome (one word of a `-`/`_`-separated name). */
const CHROME_NAME =
  /(?:^|[-_\s])(?:nav|navbar|menu|breadcrumbs?|crumbs?|position|location|share|bdshare|fenxiang|qrcode|qr|ewm|erweima|print|footer|header|toolbar|sidebar|related|copyright)(?:$|[-_\s])/i;

/** Chrome by name is dropped only while small, so a wrapper that happens to carry such a class keeps the article. */
const CHROME_NAME_MAX_CJK = 200;

/** Wording of share/QR boxes, print/close links and page metadata lines. */
const CHROME_TEXT =
  /扫一扫|手机扫|二维码|打印本页|打印此页|关闭窗口|关闭本页|【\s*打印\s*】|【\s*关闭\s*】|分享到|收藏本页|返回顶部|当前位置|您的位置|您所在的位置|^\s*字号|^\s*(?:发布(?:时间|日期)|来源|信息来源|浏览次数|访问量|点击数)\s*[:：]|^\s*[上下]一篇/;
/** Only short elements are judged by wording: a plan paragraph that mentions 二维码 stays. */
const CHROME_TEXT_MAX_CHARS = 60;

function cjkCount(text: string): number {
  return text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
}

function nameWords(element: Element): string {
  const className = element.properties.className;
  const classes = Array.isArray(className) ? className.join(' ') : String(className ?? '');
  return `${classes} ${String(element.properties.id ?? '')}`;
}

function isChrome(element: Element): boolean {
  if (CHROME_TAGS.has(element.tagName)) return true;
  const text = toText(element);
  if (CHROME_NAME.test(nameWords(element)) && cjkCount(text) <= CHROME_NAME_MAX_CJK) return true;
  return text.trim().length <= CHROME_TEXT_MAX_CHARS && CHROME_TEXT.test(text);
}

function removeChrome(node: Root | Element): void {
  node.children = node.children.filter((child) => child.type !== 'element' || !isChrome(child));
  for (const child of node.children) if (child.type === 'element') removeChrome(child);
}

/** Chinese text an element holds itself rather than through nested containers: text and inline or paragraph children. */
function ownTextScore(element: Element): number {
  let score = 0;
  for (const child of element.children) {
    if (child.type === 'text') score += cjkCount(child.value);
    else if (
      child.type === 'element' &&
      !['div', 'section', 'article', 'main', 'body', 'td', 'table', 'ul', 'ol'].includes(
        child.tagName,
      )
    ) {
      score += cjkCount(toText(child));
    }
  }
  return score;
}

function allElements(node: Root | Element, out: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type === 'element') {
      out.push(child);
      allElements(child, out);
    }
  }
  return out;
}

/** The article container: a known CMS container with enough text, else the element with the most Chinese text of its own. */
export function findArticle(tree: Root): Element | null {
  for (const selector of ARTICLE_SELECTORS) {
    const candidates = selectAll(selector, tree)
      .map((element) => ({ element, cjk: cjkCount(toText(element)) }))
      .sort((a, b) => b.cjk - a.cjk);
    const best = candidates[0];
    if (best && best.cjk >= MIN_BODY_CJK) return best.element;
  }
  let best: { element: Element; score: number } | null = null;
  for (const element of allElements(tree)) {
    const score = ownTextScore(element);
    if (!best || score > best.score) best = { element, score };
  }
  return best && best.score >= MIN_BODY_CJK ? best.element : null;
}

export interface HtmlPlan {
  text: string;
  encoding: string;
}

/** Reads a saved web page's bytes as plan text, or throws a PlanInputError naming the file. */
export function readHtml(bytes: Uint8Array, file: string): HtmlPlan {
  const { text: html, encoding } = decodeHtml(bytes, file);
  const tree = unified().use(rehypeParse).parse(html);
  removeChrome(tree);
  const article = findArticle(tree);
  const text = article ? renderBlocks(hastToBlocks(article)) : '';
  if (text.trim() === '') {
    throw new PlanInputError(
      file,
      1,
      `no article body found in the web page (looked for ${ARTICLE_SELECTORS.join(', ')} and for a block of at least ${MIN_BODY_CJK} Chinese characters)`,
    );
  }
  return { text, encoding };
}
