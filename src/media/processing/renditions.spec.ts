import sharp from 'sharp';
import { baseSize, renderRenditions } from './renditions.js';

describe('baseSize', () => {
  it('shrinks an ordinary photo to the large rendition’s width', () => {
    expect(baseSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(baseSize(3000, 4000)).toEqual({ width: 1600, height: 2133 });
  });

  it('never enlarges', () => {
    expect(baseSize(800, 600)).toEqual({ width: 800, height: 600 });
  });

  it('keeps a panorama tall enough for a sharp square thumb', () => {
    expect(baseSize(10_000, 200)).toEqual({ width: 10_000, height: 200 });
    expect(baseSize(60_000, 1000)).toEqual({ width: 19_200, height: 320 });
  });

  it('bounds the pixels of extreme shapes', () => {
    const { width, height } = baseSize(100, 1_000_000);
    expect(width * height).toBeLessThanOrEqual(16_000_000);
  });
});

describe('renderRenditions', () => {
  it('limits whole-picture renditions of a long infographic to four times their width', async () => {
    const tall = await sharp({ create: { width: 1000, height: 20_000, channels: 3, background: '#eee' } })
      .png()
      .toBuffer();
    const out = await renderRenditions(tall, { format: 'png', focalPoint: null, maxPixels: 100_000_000 });
    const size = (name: string) => out.filter((r) => r.name === name).map((r) => [r.width, r.height]);
    expect(size('large')).toEqual([
      [320, 6400],
      [320, 6400],
    ]);
    expect(size('medium')).toEqual([
      [160, 3200],
      [160, 3200],
    ]);
    expect(size('thumb')).toEqual([
      [320, 320],
      [320, 320],
    ]);
  });

  it('gives a panorama a full-resolution square thumb', async () => {
    const panorama = await sharp({ create: { width: 10_000, height: 400, channels: 3, background: '#0a0' } })
      .jpeg()
      .toBuffer();
    const out = await renderRenditions(panorama, { format: 'jpeg', focalPoint: null, maxPixels: 100_000_000 });
    expect(out.find((r) => r.name === 'thumb')).toMatchObject({ width: 320, height: 320 });
    expect(out.find((r) => r.name === 'large')).toMatchObject({ width: 1600, height: 64 });
  });
});
