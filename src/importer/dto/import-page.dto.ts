import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { ValidationProblem } from '../../common/problem.js';
import { MAX_PAGE_BYTES } from '../page-input.js';
import type { PageSource } from '../page-preview.js';
import { MAX_HTML_BYTES } from '../parser/html-page.js';

/** A page pasted or uploaded as text or HTML (exactly one). Sizes and readability are checked by the import service. */
export class ImportPageDto {
  @ApiPropertyOptional({
    description: `The page as plain text (any line endings), at most ${MAX_PAGE_BYTES} bytes as UTF-8. Give \`text\` or \`html\`, not both.`,
    example: '(日内瓦22日讯)美国国务卿布林肯与俄罗斯外长拉夫罗夫当地时间周五在瑞士日内瓦会面……',
  })
  @IsOptional()
  @IsString()
  text?: string;

  @ApiPropertyOptional({
    description:
      `The page as HTML, at most ${MAX_HTML_BYTES} bytes: the article is found with Readability; <h1>/og:title, <h2>/<h3>, ` +
      '<figure>/<figcaption>, article:section and <html lang> name the fields. Scripts are removed, never run. Larger pages answer 413.',
    example: '<html lang="zh-CN"><body><article><h1>国会三读通过财政预算案</h1><p>(吉隆坡22日讯)……</p></article></body></html>',
  })
  @IsOptional()
  @IsString()
  html?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Where the HTML came from (kept for reference).', example: 'https://example.com/news/1' })
  @IsOptional()
  @IsUrl({ require_protocol: true })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ maxLength: 255, example: '000_01a6cdf8dd098583.txt', description: 'Kept as the stories’ source; only the base name.' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  filename?: string;

  @ApiPropertyOptional({ default: false, description: 'Parse and report only; nothing is written.' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

/** The page the request names: exactly one of `text` and `html` (422 otherwise). */
export function pageSourceOf(body: ImportPageDto): PageSource {
  if ((body.text === undefined) === (body.html === undefined)) {
    const message = 'Give exactly one of text or html.';
    throw new ValidationProblem([{ field: body.text === undefined ? 'text' : 'html', message }], message);
  }
  if (body.html !== undefined) return body.url ? { html: body.html, url: body.url } : { html: body.html };
  return { text: body.text ?? '' };
}
