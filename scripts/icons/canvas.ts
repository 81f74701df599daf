// A tiny anti-aliased rasteriser for the icons: shapes are inside-tests in unit coordinates (0..1, y down),
// sampled on a grid inside each pixel and painted over (or erased from) an RGBA buffer.

/** True when the unit-space point (x, y) is inside the shape. */
export type Shape = (x: number, y: number) => boolean;

/** Straight-alpha colour, each channel 0..255. */
export type Colour = readonly [r: number, g: number, b: number, a: number];

export function hex(value: string, alpha = 255): Colour {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value);
  if (!match) throw new Error(`Not a #rrggbb colour: ${value}`);
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16), alpha];
}

export class Canvas {
  readonly pixels: Uint8Array;

  constructor(
    readonly size: number,
    /** Samples per pixel along each axis: 4 gives 16 coverage levels per pixel. */
    private readonly samples = 4,
  ) {
    this.pixels = new Uint8Array(size * size * 4);
  }

  /** How much of pixel (px, py) the shape covers, 0..1. */
  private coverage(shape: Shape, px: number, py: number): number {
    let inside = 0;
    for (let sy = 0; sy < this.samples; sy++) {
      for (let sx = 0; sx < this.samples; sx++) {
        const x = (px + (sx + 0.5) / this.samples) / this.size;
        const y = (py + (sy + 0.5) / this.samples) / this.size;
        if (shape(x, y)) inside++;
      }
    }
    return inside / (this.samples * this.samples);
  }

  /** Paints the shape in the colour over what is already there ("source over"). */
  fill(shape: Shape, colour: Colour): this {
    this.eachCovered(shape, (at, cover) => {
      const srcA = (colour[3] / 255) * cover;
      const dstA = this.pixels[at + 3]! / 255;
      const outA = srcA + dstA * (1 - srcA);
      for (let c = 0; c < 3; c++) {
        const mixed = (colour[c]! * srcA + this.pixels[at + c]! * dstA * (1 - srcA)) / outA;
        this.pixels[at + c] = Math.round(mixed);
      }
      this.pixels[at + 3] = Math.round(outA * 255);
    });
    return this;
  }

  /** Cuts the shape out of what is already there ("destination out"): the mark becomes see-through. */
  erase(shape: Shape): this {
    this.eachCovered(shape, (at, cover) => {
      this.pixels[at + 3] = Math.round(this.pixels[at + 3]! * (1 - cover));
    });
    return this;
  }

  private eachCovered(shape: Shape, paint: (at: number, cover: number) => void): void {
    for (let py = 0; py < this.size; py++) {
      for (let px = 0; px < this.size; px++) {
        const cover = this.coverage(shape, px, py);
        if (cover > 0) paint((py * this.size + px) * 4, cover);
      }
    }
  }
}

/** Any point inside one of the shapes. */
export function union(...shapes: Shape[]): Shape {
  return (x, y) => shapes.some((shape) => shape(x, y));
}

/** Inside the first shape and outside the second: an outline, a ring. */
export function minus(outer: Shape, inner: Shape): Shape {
  return (x, y) => outer(x, y) && !inner(x, y);
}

/** A straight stroke with round ends: every point within `radius` of the segment a-b. */
export function stroke(ax: number, ay: number, bx: number, by: number, radius: number): Shape {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  return (x, y) => {
    const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSquared));
    const ex = x - (ax + t * dx);
    const ey = y - (ay + t * dy);
    return ex * ex + ey * ey <= radius * radius;
  };
}

/** A rectangle from (x0, y0) to (x1, y1) with corners rounded by `radius`. */
export function roundedRect(x0: number, y0: number, x1: number, y1: number, radius: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + radius), x1 - radius);
    const cy = Math.min(Math.max(y, y0 + radius), y1 - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius;
  };
}

/**
 * A shield: a top edge that dips towards the corners, straight sides down to the shoulder,
 * then sides curving in to a point at the bottom. `inset` shrinks it evenly, for borders.
 */
export function shield(inset = 0): Shape {
  const centre = 0.5;
  const halfWidth = 0.4375 - inset;
  const top = 0.0625 + inset;
  const cornerDrop = 0.06;
  const shoulder = 0.5;
  const tip = 0.97 - inset * 1.9;
  return (x, y) => {
    const across = Math.abs(x - centre);
    if (across > halfWidth) return false;
    if (y < top + cornerDrop * (across / halfWidth) ** 2) return false;
    if (y <= shoulder) return true;
    if (y > tip) return false;
    const t = (y - shoulder) / (tip - shoulder);
    return across <= halfWidth * (1 - t * t);
  };
}

/** The shape drawn inside the square from (left, top) with side `side`, all in unit coordinates. */
export function placed(shape: Shape, left: number, top: number, side: number): Shape {
  return (x, y) => shape((x - left) / side, (y - top) / side);
}
