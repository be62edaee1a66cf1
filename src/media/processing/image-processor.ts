import { Inject, Injectable } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import type { FocalPoint } from '../media-asset.entity.js';
import { UnreadableImageProblem } from '../media.problems.js';
import type { EmbeddedFields } from './embedded-metadata.js';
import { inspectImage, type InspectedImage } from './image-inspection.js';
import { readEmbeddedFields } from './metadata-reader.js';
import { ProcessingSlots } from './processing-slots.js';
import { renderRenditions, type RenderedRendition, type RenderOptions } from './renditions.js';

export interface ProcessedImage extends InspectedImage {
  embedded: EmbeddedFields;
  renditions: RenderedRendition[];
}

/** Checks, reads and renders uploaded photos, a bounded number at a time. */
@Injectable()
export class ImageProcessor {
  private readonly slots = new ProcessingSlots(Math.min(2, availableParallelism()));
  private readonly maxPixels: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.maxPixels = config.media.maxPixels;
  }

  /** Throws 415 for a file that is not an accepted image, 413 above the pixel limit, 422 when it cannot be decoded. */
  async process(path: string, focalPoint: FocalPoint | null): Promise<ProcessedImage> {
    const inspected = await inspectImage(path, this.maxPixels);
    const embedded = await readEmbeddedFields(inspected.metadata);
    const renditions = await this.render(path, inspected.mime, { format: inspected.format, focalPoint });
    return { ...inspected, embedded, renditions };
  }

  /** Renders (some of) an existing original's renditions again, e.g. the thumb after a focal point change. */
  async render(input: string | Buffer, mime: string, options: Omit<RenderOptions, 'maxPixels'>): Promise<RenderedRendition[]> {
    try {
      return await this.slots.run(() => renderRenditions(input, { ...options, maxPixels: this.maxPixels }));
    } catch (e) {
      // libvips reports corrupt and truncated data as plain errors: the file's fault, not ours.
      if (
        e instanceof Error &&
        !(e instanceof UnreadableImageProblem) &&
        /vips|jpeg|png|webp|gif|heif|corrupt|premature|truncated|bad/i.test(e.message)
      ) {
        throw new UnreadableImageProblem(mime);
      }
      throw e;
    }
  }
}
