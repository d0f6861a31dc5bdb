/** The claim as the review workspace gets it from the server (a serialisable subset of ClaimView). */
import type { Transition } from "@/lib/domain/claim-workflow";
import type { ClaimView, ShownSource } from "@/lib/server/claim-view";

export interface WorkspaceClaim
  extends Pick<ClaimView, "id" | "exact" | "start" | "end" | "claimText" | "claimant" | "verdict" | "rationale" | "status" | "anchorStatus" | "rejectionReason" | "version" | "assignee"> {
  hasPublishedVersion: boolean;
  authorName: string;
  /** What the signed-in user may do (decided on the server; the server decides again on submit). */
  can: { edit: boolean; assign: boolean; delete: boolean; restore: boolean; transitions: Transition[] };
  sources: ShownSource[];
}

export interface StaffMember {
  id: string;
  name: string;
}
