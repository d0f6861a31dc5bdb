/** Anchoring engine: selectors for new claims, and re-anchoring stored claims in a changed text. */
export * from "./selectors";
export * from "./anchor";
export { normalize, skeleton, toNormalizedOffset, toOriginalRange, type NormalizedText } from "./normalize";
