/** `npm start` and `npm run dev` options: --content, --port / PORT, and what goes on to wrangler dev. */
import { describe, expect, it } from "vitest";
import { parseServeOptions, wranglerDevArgs } from "../../scripts/lib/serve-options.ts";

describe("serve options", () => {
  it("--content and --port are ours; PORT is the fallback, 8787 the default", () => {
    expect(parseServeOptions(["--content", "site", "--port", "9001"], {})).toMatchObject({ content: "site", port: "9001", passThrough: [] });
    expect(parseServeOptions([], { PORT: "9002" })).toMatchObject({ content: "content", port: "9002" });
    expect(parseServeOptions(["--port=9003"], { PORT: "9002" })).toMatchObject({ port: "9003" });
    expect(parseServeOptions([], {})).toMatchObject({ port: "8787", drafts: false });
  });

  it("a port that is not a number is an error, not wrangler's usage text", () => {
    expect(parseServeOptions(["--port", "http"], {})).toEqual({ error: "--port (or PORT) must be a port number, not `http`" });
    expect(parseServeOptions([], { PORT: "80; rm" })).toHaveProperty("error");
  });

  it("--persist-to and --public-dir reach both the build and wrangler dev; other options reach wrangler dev as written", () => {
    const o = parseServeOptions(["--content", "c", "--persist-to", "st", "--public-dir", "pub", "--ip", "127.0.0.1", "--log-level=warn", "--drafts"], {});
    if ("error" in o) throw new Error(o.error);
    expect(o).toMatchObject({ persistTo: "st", publicDir: "pub", drafts: true, passThrough: ["--ip", "127.0.0.1", "--log-level=warn"] });
    const args = wranglerDevArgs(o, "src/dev/entry.ts");
    expect(args.slice(0, 5)).toEqual(["wrangler", "dev", "src/dev/entry.ts", "--port", "8787"]);
    expect(args.join(" ")).toContain("--persist-to st --assets pub");
    expect(args.slice(-3)).toEqual(["--ip", "127.0.0.1", "--log-level=warn"]);
    expect(wranglerDevArgs(o)[2]).toBe("--port");
  });

  it("a likely typo of one of our options stops before anything is built; wrangler's near names still pass", () => {
    expect(parseServeOptions(["--contnet", "site"], {})).toEqual({ error: "unknown option `--contnet`: did you mean `--content`? (nothing was built)" });
    expect(parseServeOptions(["--drafs"], {})).toHaveProperty("error");
    expect(parseServeOptions(["--persist", "x"], {})).toMatchObject({ passThrough: ["--persist", "x"] });
    expect(parseServeOptions(["--host", "example.org", "--ip", "0.0.0.0"], {})).toMatchObject({ passThrough: ["--host", "example.org", "--ip", "0.0.0.0"] });
  });
});
