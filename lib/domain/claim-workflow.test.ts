import { describe, expect, it } from "vitest";
import { availableTransitions, canDelete, decideTransition, statusAfterEdit, type WorkflowActor, type WorkflowClaim } from "./claim-workflow";

const author: WorkflowActor = { id: "a", role: "REVIEWER" };
const other: WorkflowActor = { id: "b", role: "REVIEWER" };
const editor: WorkflowActor = { id: "e", role: "EDITOR" };
const claim = (status: WorkflowClaim["status"], hasPublishedVersion = false): WorkflowClaim => ({ status, authorId: "a", hasPublishedVersion });

describe("claim workflow", () => {
  it("walks draft → in review → approved → published with four eyes", () => {
    expect(decideTransition("submit", claim("DRAFT"), author, "")).toEqual({ ok: true, to: "IN_REVIEW", records: null });
    expect(decideTransition("approve", claim("IN_REVIEW"), author, "")).toEqual({ ok: false, reason: "own_claim" });
    expect(decideTransition("approve", claim("IN_REVIEW"), other, "")).toEqual({ ok: true, to: "APPROVED", records: null });
    expect(decideTransition("publish", claim("APPROVED"), other, "")).toEqual({ ok: false, reason: "role" });
    expect(decideTransition("publish", claim("APPROVED"), editor, "")).toEqual({ ok: true, to: "PUBLISHED", records: null });
  });

  it("an editor who wrote the claim still needs someone else's approval", () => {
    const own = { ...claim("IN_REVIEW"), authorId: "e" };
    expect(decideTransition("approve", own, editor, "")).toEqual({ ok: false, reason: "own_claim" });
  });

  it("rejection needs a reason and goes back to draft", () => {
    expect(decideTransition("reject", claim("IN_REVIEW"), other, " ")).toEqual({ ok: false, reason: "note_required" });
    expect(decideTransition("reject", claim("IN_REVIEW"), other, "Quelle fehlt")).toEqual({ ok: true, to: "DRAFT", records: null });
  });

  it("a correction of a published claim needs a note when it is published again", () => {
    expect(statusAfterEdit("PUBLISHED")).toBe("IN_REVIEW");
    expect(decideTransition("publish", claim("APPROVED", true), editor, "")).toEqual({ ok: false, reason: "note_required" });
    expect(decideTransition("publish", claim("APPROVED", true), editor, "Urteil korrigiert")).toEqual({ ok: true, to: "PUBLISHED", records: "correction" });
  });

  it("retraction: editors only, only what was published, with a note", () => {
    expect(decideTransition("retract", claim("PUBLISHED", true), author, "x")).toEqual({ ok: false, reason: "role" });
    expect(decideTransition("retract", claim("DRAFT", false), editor, "x")).toEqual({ ok: false, reason: "wrong_state" });
    expect(decideTransition("retract", claim("PUBLISHED", true), editor, "")).toEqual({ ok: false, reason: "note_required" });
    expect(decideTransition("retract", claim("IN_REVIEW", true), editor, "Falsch")).toEqual({ ok: true, to: "RETRACTED", records: "retraction" });
    expect(statusAfterEdit("RETRACTED")).toBeNull();
  });

  it("lists the actions an actor can take and who may delete", () => {
    expect(availableTransitions(claim("IN_REVIEW"), author)).toEqual(["withdraw"]);
    expect(availableTransitions(claim("IN_REVIEW"), other)).toEqual(["approve", "reject"]);
    expect(availableTransitions(claim("APPROVED", true), editor)).toEqual(["withdraw", "reject", "publish", "retract"]);
    expect(canDelete(claim("DRAFT"), author)).toBe(true);
    expect(canDelete(claim("IN_REVIEW", true), author)).toBe(false);
    expect(canDelete(claim("DRAFT"), other)).toBe(false);
    expect(canDelete(claim("PUBLISHED", true), editor)).toBe(true);
  });
});
