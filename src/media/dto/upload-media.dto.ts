import { ApiBody } from '@nestjs/swagger';
import { MAX_ALT_TEXT, MAX_CAPTION, MAX_LINE, OptionalText } from './media-fields.js';

/**
 * Text fields sent with an upload. Each one given wins over the photo's embedded IPTC/XMP value;
 * a blank one counts as not given.
 */
export class UploadMediaFieldsDto {
  @OptionalText(MAX_CAPTION, { example: '美国国务卿布林肯(左)与俄罗斯外长拉夫罗夫会谈。' })
  caption?: string | null;

  @OptionalText(MAX_LINE, { example: '俄罗斯外交部/路透社' })
  credit?: string | null;

  @OptionalText(MAX_LINE, { description: 'The photographer.' })
  creator?: string | null;

  @OptionalText(MAX_LINE)
  copyright?: string | null;

  @OptionalText(MAX_LINE, { description: 'Who supplied the photo (agency, ministry).' })
  source?: string | null;

  @OptionalText(MAX_ALT_TEXT, { description: 'Text alternative for readers who cannot see the photo.' })
  altText?: string | null;

  @OptionalText(MAX_LINE)
  title?: string | null;
}

type BodySchema = NonNullable<Extract<Parameters<typeof ApiBody>[0], { schema?: unknown }>['schema']>;

/** The multipart body as /docs shows it. */
export const UPLOAD_BODY_SCHEMA: BodySchema = {
  type: 'object',
  required: ['file'],
  properties: {
    file: { type: 'string', format: 'binary', description: 'JPEG, PNG, WebP, GIF or AVIF (judged by its content), at most MEDIA_MAX_BYTES.' },
    caption: { type: 'string', maxLength: MAX_CAPTION },
    credit: { type: 'string', maxLength: MAX_LINE },
    creator: { type: 'string', maxLength: MAX_LINE },
    copyright: { type: 'string', maxLength: MAX_LINE },
    source: { type: 'string', maxLength: MAX_LINE },
    altText: { type: 'string', maxLength: MAX_ALT_TEXT },
    title: { type: 'string', maxLength: MAX_LINE },
  },
};
