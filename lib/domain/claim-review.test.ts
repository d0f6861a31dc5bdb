import { describe, expect, it } from "vitest";
import { claimReviewProblems, RATING_VALUES, toClaimReview } from "./claim-review";
import { VERDICTS } from "./verdicts";

const context = {
  readerUrl: "https://factcheck.example/articles/putin-kim",
  articleUrl: "https://news.example/putin-kim",
  articleTitle: "Putin und Kim",
  articlePublishedAt: new Date("2024-06-14T00:00:00Z"),
  articlePublisher: "News",
  organisation: { name: "Faktenprüfer", url: "https://factcheck.example" },
  locale: "de" as const,
};
const claim = {
  id: "c1",
  claimText: "Nordkorea lieferte 4,8 Millionen Geschosse.",
  claimant: "Shin Won-sik",
  verdict: "FALSE" as const,
  rationale: "Keine Belege.",
  publishedAt: new Date("2024-06-20T10:00:00Z"),
  updatedAt: new Date("2024-06-21T10:00:00Z"),
};

describe("ClaimReview", () => {
  it("has every field Google's Fact Check Tools read", () => {
    const review = toClaimReview(claim, context);
    expect(claimReviewProblems(review)).toEqual([]);
    expect(review).toMatchObject({
      "@type": "ClaimReview",
      url: "https://factcheck.example/articles/putin-kim#claim-c1",
      claimReviewed: "Nordkorea lieferte 4,8 Millionen Geschosse.",
      datePublished: "2024-06-20",
      author: { "@type": "Organization", name: "Faktenprüfer" },
      reviewRating: { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "Falsch" },
      itemReviewed: { "@type": "Claim", author: { name: "Shin Won-sik" }, datePublished: "2024-06-14", appearance: { url: "https://news.example/putin-kim" } },
    });
  });

  it("maps every verdict; unproven carries only its text", () => {
    for (const verdict of VERDICTS) {
      const review = toClaimReview({ ...claim, verdict }, { ...context, locale: "en" });
      expect(claimReviewProblems(review), verdict).toEqual([]);
      expect("ratingValue" in review.reviewRating).toBe(RATING_VALUES[verdict] !== null);
    }
    expect(toClaimReview({ ...claim, verdict: "UNPROVEN" }, { ...context, locale: "en" }).reviewRating.alternateName).toBe("Unproven");
  });

  it("the checker catches what Google would reject", () => {
    const review = toClaimReview(claim, context);
    expect(claimReviewProblems({ ...review, claimReviewed: "" })).toContain("claimReviewed missing");
    expect(claimReviewProblems({ ...review, url: "/relative" })).toContain("url missing or not absolute");
    expect(claimReviewProblems({ ...review, reviewRating: { "@type": "Rating", ratingValue: 9, bestRating: 5, worstRating: 1, alternateName: "x" } })).toContain("ratingValue out of range");
    expect(claimReviewProblems({ ...review, reviewRating: { "@type": "Rating" } })).toContain("reviewRating.alternateName missing");
    expect(claimReviewProblems({ ...review, itemReviewed: { "@type": "Thing" } })).toContain("itemReviewed must be a Claim");
  });
});
