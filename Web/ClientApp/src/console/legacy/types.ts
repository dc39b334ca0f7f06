export type { PropertyAgent } from "../api/types";
