// Expected outcomes of photo uploads and library changes, each an RFC 9457 problem.
import { ConflictProblem, ProblemException } from '../common/problem.js';

export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'] as const;

export class UnsupportedMediaTypeProblem extends ProblemException {
  constructor(detected: string | null) {
    const what = detected ? `a ${detected} file` : 'not a file type we recognise';
    super(
      415,
      'unsupported-media-type',
      'Unsupported Media Type',
      `The upload is ${what}, judged by its content. Send JPEG, PNG, WebP, GIF or AVIF.`,
      {
        detectedType: detected,
        acceptedTypes: ACCEPTED_TYPES,
      },
    );
  }
}

export class NotMultipartProblem extends ProblemException {
  constructor() {
    super(415, 'unsupported-media-type', 'Unsupported Media Type', 'Send the photo as multipart/form-data with the file in the field "file".', {
      acceptedTypes: ['multipart/form-data'],
    });
  }
}

export class UploadTooLargeProblem extends ProblemException {
  constructor(maxBytes: number) {
    super(413, 'payload-too-large', 'Payload Too Large', `The file is larger than the limit of ${maxBytes} bytes.`, { maxBytes });
  }
}

/** A decompression bomb, or simply a picture too big to process safely. */
export class TooManyPixelsProblem extends ProblemException {
  constructor(width: number, height: number, maxPixels: number) {
    super(413, 'image-too-large', 'Payload Too Large', `The image is ${width}×${height} pixels, more than the limit of ${maxPixels} pixels.`, {
      width,
      height,
      maxPixels,
    });
  }
}

export class UnreadableImageProblem extends ProblemException {
  constructor(type: string) {
    super(422, 'image-unreadable', 'Unprocessable Content', `The file starts like ${type} but cannot be decoded; it may be truncated or corrupt.`, {
      errors: [{ field: 'file', message: 'the image cannot be decoded' }],
    });
  }
}

export class MalformedUploadProblem extends ProblemException {
  constructor(detail: string) {
    super(400, 'malformed-upload', 'Bad Request', detail);
  }
}

export interface MediaUse {
  articleId: string;
  headline: string | null;
  status: string;
}

export class MediaInUseProblem extends ConflictProblem {
  constructor(usedBy: MediaUse[]) {
    super('media-in-use', `The photo is used by ${usedBy.length} ${usedBy.length === 1 ? 'story' : 'stories'}; remove it from them first.`, {
      usedBy,
    });
  }
}

export class NotAPlaceholderProblem extends ConflictProblem {
  constructor() {
    super('media-has-file', 'This asset already has its file; upload a new photo instead of replacing an archived original.');
  }
}
