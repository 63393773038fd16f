/** The tweet card: date from the status id, handle, link, the author's quoted text escaped. */
import { describe, expect, it } from "vitest";
import { tweetCard, tweetDate } from "../../src/liquid/tags/tweet-card.ts";

describe("tweetDate", () => {
  it("reads the time from a snowflake id", () => {
    // (id >> 22) + epoch: 1_000_000_000 ms after 2010-11-04T01:42:54.657Z.
    const id = (1_000_000_000n << 22n).toString();
    expect(tweetDate(id)).toBe(new Date(1288834974657 + 1_000_000_000).toISOString());
    expect(tweetDate("1734235232231047394")?.slice(0, 10)).toBe("2023-12-11");
  });

  it("has no date for pre-snowflake ids or non-ids", () => {
    expect(tweetDate("20")).toBeUndefined();
    expect(tweetDate("29700859247")).toBeUndefined();
    expect(tweetDate("12ab")).toBeUndefined();
  });
});

describe("tweetCard", () => {
  it("shows handle, date and link, and the quoted text as text", () => {
    const card = tweetCard("karpathy", "1734235232231047394", "<b>LLM</b> OS & more").toString();
    expect(card).toContain('<p class="tweet-text">&lt;b&gt;LLM&lt;/b&gt; OS &amp; more</p>');
    expect(card).toContain('<a href="https://twitter.com/karpathy">@karpathy</a>');
    expect(card).toMatch(/<a href="https:\/\/twitter\.com\/karpathy\/status\/1734235232231047394"><time datetime="2023-12-11T[^"]+">December 11, 2023<\/time><\/a><\/p><\/blockquote>$/);
  });

  it("without text says whose post it is", () => {
    expect(tweetCard("user", "20").toString()).toContain("A post on X (Twitter) by <a href=\"https://twitter.com/user\">@user</a>.");
  });
});
