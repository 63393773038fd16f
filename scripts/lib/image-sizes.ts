/**
 * Pixel sizes of the site's images, read from the files at build time with
 * image-size (headers only: PNG, JPEG, GIF, WebP, AVIF, SVG viewBox/width/height…),
 * so figures carry `width`/`height` and the browser reserves their box before
 * they load (no layout shift). Build-only: the worker never imports this.
 */
import { readFile } from "node:fs/promises";
import { imageSize } from "image-size";

export interface ImageSize {
  width: number;
  height: number;
}

const IMAGE = /\.(?:png|jpe?g|gif|webp|avif|svg|bmp|tiff?|ico)$/i;

/**
 * Sizes by public path (`assets/img/x.png`) for every image among `files`
 * (public path → absolute file path). Files whose size cannot be read (a
 * corrupt image, an SVG without viewBox or size) are left out: their figures
 * simply get no size.
 */
export async function readImageSizes(files: ReadonlyMap<string, string>): Promise<Map<string, ImageSize>> {
  const sizes = new Map<string, ImageSize>();
  await Promise.all(
    [...files].filter(([rel]) => IMAGE.test(rel)).map(async ([rel, abs]) => {
      try {
        const { width, height, orientation } = imageSize(await readFile(abs));
        if (!width || !height) return;
        // EXIF orientations 5–8 are rotated a quarter turn: the browser shows them the other way round.
        sizes.set(rel, orientation && orientation >= 5 ? { width: height, height: width } : { width, height });
      } catch {
        // Not an image image-size understands: no size.
      }
    }),
  );
  return sizes;
}
