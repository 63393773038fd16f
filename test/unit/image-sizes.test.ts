/** Picture sizes read from the files by the build (image-size), for figures' width/height. */
import { expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { readImageSizes } from "../../scripts/lib/image-sizes.ts";

const file = (rel: string) => fileURLToPath(new URL(`../../content/${rel}`, import.meta.url));

it("reads SVG viewBox sizes and leaves out what is not a picture", async () => {
  const sizes = await readImageSizes(
    new Map([
      ["assets/img/edgefolio/data-flow.svg", file("assets/img/edgefolio/data-flow.svg")],
      ["assets/img/edgefolio/versions.svg", file("assets/img/edgefolio/versions.svg")],
      ["assets/bibliography/edgefolio.bib", file("assets/bibliography/edgefolio.bib")],
    ]),
  );
  expect(Object.fromEntries(sizes)).toEqual({
    "assets/img/edgefolio/data-flow.svg": { width: 760, height: 150 },
    "assets/img/edgefolio/versions.svg": { width: 420, height: 200 },
  });
});
