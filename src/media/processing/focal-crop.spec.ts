import { squareAround } from './focal-crop.js';

describe('squareAround', () => {
  it('centres the square when there is no focal point', () => {
    expect(squareAround(1600, 1200, null)).toEqual({ left: 200, top: 0, width: 1200, height: 1200 });
    expect(squareAround(900, 1600, null)).toEqual({ left: 0, top: 350, width: 900, height: 900 });
  });

  it('moves the square towards the focal point', () => {
    expect(squareAround(1600, 1200, { x: 0.3, y: 0.5 })).toEqual({ left: 0, top: 0, width: 1200, height: 1200 });
    expect(squareAround(3000, 1000, { x: 0.6, y: 0.5 })).toEqual({ left: 1300, top: 0, width: 1000, height: 1000 });
  });

  it('stops at the edges of the picture', () => {
    expect(squareAround(1600, 1200, { x: 1, y: 1 })).toEqual({ left: 400, top: 0, width: 1200, height: 1200 });
    expect(squareAround(1000, 3000, { x: 0, y: 0 })).toEqual({ left: 0, top: 0, width: 1000, height: 1000 });
    expect(squareAround(1000, 3000, { x: 0.5, y: 0.99 })).toEqual({ left: 0, top: 2000, width: 1000, height: 1000 });
  });
});
