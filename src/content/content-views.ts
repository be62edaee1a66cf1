// Builds the view a public response is rendered with (see content-view.ts), and turns a rendered body
// into a cacheable response whose ETag also names the variant and any photo an embargo withheld.
import { Injectable } from '@nestjs/common';
import type { ScriptVariant } from '../distribution/variants/script-variants.js';
import { VariantConverters } from '../distribution/variants/variant-converters.js';
import { ContentCache, type RenderedResponse } from './content-cache.service.js';
import { contentEtag } from './content.mapper.js';
import { ContentRepository } from './content.repository.js';
import type { ContentView } from './content-view.js';

export const JSON_TYPE = 'application/json; charset=utf-8';

@Injectable()
export class ContentViews {
  constructor(
    private readonly repository: ContentRepository,
    private readonly variants: VariantConverters,
    private readonly cache: ContentCache,
  ) {}

  /**
   * The photos embargoes keep private now: one query, then kept until what readers see changes
   * (a notification) or the next embargo lifts, so a render needs only its own query.
   */
  async view(variant: ScriptVariant | undefined): Promise<ContentView> {
    const hiddenPhotos = await this.cache.derived('embargoed-photos', async () => {
      const { photos, nextLift } = await this.repository.embargoedPhotos();
      return { value: photos, ...(nextLift ? { expires: nextLift.getTime() } : {}) };
    });
    return {
      variant,
      textFor: (language) => this.variants.converterFor(variant, language),
      languageFor: (language) => this.variants.languageFor(variant, language),
      hiddenPhotos,
      withheld: new Set(),
    };
  }

  /** A converter for text whose language is unknown (search hits), guessed from `sample`. */
  textForUnknown(view: ContentView, sample: string) {
    return view.textFor(this.variants.guessLanguage(sample));
  }

  /** `base` identifies the content's version; the view adds the variant and what it withheld. */
  etag(base: string, view: ContentView, ...more: string[]): string {
    return contentEtag(base, view.variant ?? '', ...more, ...[...view.withheld].sort());
  }

  json(body: unknown, base: string, view: ContentView, extra: Partial<RenderedResponse> = {}): RenderedResponse {
    return { body: JSON.stringify(body), etag: this.etag(base, view), contentType: JSON_TYPE, ...(view.variant ? { language: view.variant } : {}), ...extra };
  }
}
