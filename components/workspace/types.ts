/** The claim as the review workspace gets it from the server (a serialisable subset of ClaimView). */
import type { Verdict } from "@/lib/domain/verdicts";
import type { ClaimStatus, Transition } from "@/lib/domain/claim-workflow";

export interface WorkspaceClaim {
  id: string;
  exact: string;
  start: number;
  end: number;
  claimText: string;
  claimant: string;
  verdict: Verdict;
  rationale: string;
  status: ClaimStatus;
  anchorStatus: "ANCHORED" | "CHANGED" | "ORPHANED";
  rejectionReason: string | null;
  hasPublishedVersion: boolean;
  version: number;
  authorName: string;
  assignee: { id: string; name: string } | null;
  /** What the signed-in user may do (decided on the server; the server decides again on submit). */
  can: { edit: boolean; assign: boolean; delete: boolean; restore: boolean; transitions: Transition[] };
  sources: { url: string; title: string; publisher: string; publishedAt: Date | null; excerpt: string; stance: "SUPPORTS" | "REFUTES" | "CONTEXT" }[];
}

export interface StaffMember {
  id: string;
  name: string;
}
