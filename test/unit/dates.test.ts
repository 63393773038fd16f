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

  it("accepts one-digit months and days, as Jekyll does", () => {
    expect(parsePostDate("2024-3-7", "UTC")?.iso).toBe("2024-03-07T00:00:00+00:00");
    expect(parsePostDate("2024-3-7 9:05:00 +0100", "UTC")?.iso).toBe("2024-03-07T08:05:00+00:00");
  });

  it("reads the zone forms Ruby's Time.parse reads: +01, +01:00, +0100, Z, UTC", () => {
    for (const zone of ["+01", "+1", "+01:00", "+0100"]) expect(parsePostDate(`2024-06-01 12:00:00 ${zone}`, "UTC")?.iso).toBe("2024-06-01T11:00:00+00:00");
    for (const zone of ["Z", "UTC", "gmt"]) expect(parsePostDate(`2024-06-01 12:00:00 ${zone}`, "Asia/Tokyo")?.iso).toBe("2024-06-01T21:00:00+09:00");
    expect(parsePostDate("2024-06-01 12:00:00 -05:30", "UTC")?.iso).toBe("2024-06-01T17:30:00+00:00");
  });

  it.each(["2024-13-01", "2024-02-30", "2023-02-29", "2024-01-01 25:00", "yesterday", "2024-1-32", "24-01-01", "2024-01-01 10:00 +2500", "2024-01-01 10:00 +01:75"])("rejects %s", (text) => {
    expect(parsePostDate(text, "UTC")).toBeNull();
  });

  it("accepts leap days", () => {
    expect(parsePostDate("2024-02-29", "UTC")?.iso).toBe("2024-02-29T00:00:00+00:00");
  });
});

it("displayDate reads like al-folio's", () => {
  expect(displayDate("2024-01-03T00:00:00+01:00")).toBe("January 3, 2024");
});
