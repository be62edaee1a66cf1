// Swagger shapes of the import report (import-report.ts) and the parse result it carries (parser/parsed-page.ts).
import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../articles/workflow.js';
import type { ImportOutcome } from '../import-report.js';
import type { BodyBlock, PageLanguage } from '../parser/parsed-page.js';

export class PhotoCaptionDto {
  @ApiProperty({ example: '美国国务卿布林肯(左)与俄罗斯外长拉夫罗夫当地时间周五在日内瓦会面。' }) caption: string;
  @ApiProperty({ nullable: true, type: String, example: '俄罗斯外交部/路透社' }) credit: string | null;
}

export class TeaserDto {
  @ApiProperty({ example: '英女王行宫聘兼职管家 仅开出最低时薪' }) title: string;
  @ApiProperty({ nullable: true, type: String, example: '国际' }) category: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'As printed, with a trailing `...` where the site cut it.' }) excerpt: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2024-11-22' }) date: string | null;
  @ApiProperty({ nullable: true, type: String, example: '东方头条' }) tag: string | null;
}

export class ParseConfidenceDto {
  @ApiProperty({ minimum: 0, maximum: 1, description: 'Headline read as printed (~0.95), chosen among several (0.75), made from the lead (0.3).' })
  headline: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'Dateline found (0.95) or not (0.5: the page may have none).' }) dateline: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'How one-sided the script vote was (0.5 a toss-up, 1 clear).' }) language: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'Share of photos with a credit (0.45..0.95); 0.9 with no photos.' }) captions: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'How much prose the story span held.' }) body: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'Teasers read from read-more links (0.9) or guessed from a list (0.7).' }) teasers: number;
}

export class ParseGuessDto {
  @ApiProperty({ enum: ['headline', 'dateline', 'language', 'captions', 'body', 'teasers'] }) field: string;
  @ApiProperty({
    enum: ['headline-derived', 'headline-ambiguous', 'no-dateline', 'caption-without-credit', 'body-uncertain', 'language-mixed', 'teasers-listed'],
    description: 'What the parser guessed, for an editor to check.',
  })
  code: string;
  @ApiProperty({ example: 'Caption without credit: "议员在表决后离开议会厅。"' }) message: string;
}

export class ParsedTextBlockDto {
  @ApiProperty({ enum: ['paragraph', 'subheading'] }) type: 'paragraph' | 'subheading';
  @ApiProperty() text: string;
}

export class ParsedImageBlockDto {
  @ApiProperty({ enum: ['image'] }) type: 'image';
  @ApiProperty() caption: string;
  @ApiProperty({ nullable: true, type: String }) credit: string | null;
}

@ApiExtraModels(ParsedTextBlockDto, ParsedImageBlockDto)
export class ParsedPageDto {
  @ApiProperty() headline: string;
  @ApiProperty({ description: 'True when the page had no headline line and the headline was made from the lead.' }) headlineDerived: boolean;
  @ApiProperty({ nullable: true, type: String, example: '日内瓦22日讯' }) dateline: string | null;
  @ApiProperty({ enum: ['zh-Hans', 'zh-Hant', 'en'] }) language: PageLanguage;
  @ApiProperty({ nullable: true, type: String, example: '陈兆良报导' }) byline: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The standfirst printed between headline and byline.' }) subheadline: string | null;
  @ApiProperty({ type: PhotoCaptionDto, nullable: true }) featuredImage: PhotoCaptionDto | null;
  @ApiProperty({
    type: 'array',
    items: { oneOf: [{ $ref: getSchemaPath(ParsedTextBlockDto) }, { $ref: getSchemaPath(ParsedImageBlockDto) }] },
    description: 'Paragraphs and subheadings as found, and the captions (with credits) of photos in the body.',
  })
  body: BodyBlock[];
  @ApiProperty() excerpt: string;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ type: [TeaserDto] }) teasers: TeaserDto[];
  @ApiProperty({ nullable: true, type: String, example: '(完)' }) signOff: string | null;
  @ApiProperty({ type: [String] }) warnings: string[];
  @ApiProperty({ type: ParseConfidenceDto, description: 'How sure the parser is of each field, 0..1.' }) confidence: ParseConfidenceDto;
  @ApiProperty({ type: [ParseGuessDto], description: 'Where the parser guessed; empty when every field was read as printed.' })
  guesses: ParseGuessDto[];
}

export class ImportReportDto {
  @ApiProperty({ nullable: true, type: String }) filename: string | null;
  @ApiProperty({ description: 'sha256 of the page text (line endings normalised); the same page always has the same hash.' })
  contentHash: string;
  @ApiProperty({ enum: ['created', 'duplicate', 'dry-run'], description: '`duplicate`: this page was imported before; nothing changed.' })
  outcome: ImportOutcome;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The page’s story (for a duplicate, the one made the first time).' })
  articleId: string | null;
  @ApiProperty({ nullable: true, enum: ARTICLE_STATUSES }) status: ArticleStatus | null;
  @ApiProperty({ example: '国际', description: 'Section of the story: the page’s own, or IMPORT_DEFAULT_CATEGORY.' }) category: string;
  @ApiProperty({ type: [String], description: 'Draft stories made from the page’s teasers.' }) teaserArticleIds: string[];
  @ApiProperty({ description: 'Teasers skipped because a story with that headline exists.' }) teasersSkipped: number;
  @ApiProperty({ type: [String] }) warnings: string[];
  @ApiProperty({ type: ParsedPageDto }) parsed: ParsedPageDto;
}
