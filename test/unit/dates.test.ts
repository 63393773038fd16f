import { describe, expect, it } from "vitest";
import { displayDate, parsePostDate } from "../../src/content/dates.ts";

describe("parsePostDate", () => {
  it("reads a date in the site's time zone", () => {
    expect(parsePostDate("2024-01-03", "UTC")).toEqual({ iso: "2024-01-03T00:00:00+00:00", year: "2024" });
    expect(parsePostDate("2024-01-03", "Europe/Warsaw")).toEqual({ iso: "2024-01-03T00:00:00+01:00", year: "2024" });
    expect(parsePostDate("2024-07-03 16:40:16", "Europe/Warsaw")?.iso).toBe("2024-07-03T16:40:16+02:00");
  });

  it("converts explicit offsets into the site's zone, which decides the URL year", () => {
    expect(parsePostDate("2024-12-31 23:30:00 +0000", "Europe/Warsaw")).toEqual({ iso: "2025-01-01T00:30:00+01:00", year: "2025" });
    expect(parsePostDate("2024-01-01T00:30:00-05:00", "UTC")).toEqual({ iso: "2024-01-01T05:30:00+00:00", year: "2024" });
    expect(parsePostDate("2024-01-01 10:00Z", "UTC")?.iso).toBe("2024-01-01T10:00:00+00:00");
  });

  it.each(["2024-13-01", "2024-02-30", "2023-02-29", "2024-01-01 25:00", "yesterday", "2024-1-1"])("rejects %s", (text) => {
    expect(parsePostDate(text, "UTC")).toBeNull();
  });

  it("accepts leap days", () => {
    expect(parsePostDate("2024-02-29", "UTC")?.iso).toBe("2024-02-29T00:00:00+00:00");
  });
});

it("displayDate reads like al-folio's", () => {
  expect(displayDate("2024-01-03T00:00:00+01:00")).toBe("January 3, 2024");
});
