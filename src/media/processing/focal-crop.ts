import type { FocalPoint } from '../media-asset.entity.js';

export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

export const CENTRE: FocalPoint = { x: 0.5, y: 0.5 };

/**
 * The largest square in a `width`×`height` picture centred as near the focal point as the edges
 * allow, so a face at the left of a wide photo stays in its square thumbnail.
 */
export function squareAround(width: number, height: number, focal: FocalPoint | null): Region {
  const side = Math.min(width, height);
  const { x, y } = focal ?? CENTRE;
  return {
    left: clamp(Math.round(x * width - side / 2), 0, width - side),
    top: clamp(Math.round(y * height - side / 2), 0, height - side),
    width: side,
    height: side,
  };
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);
