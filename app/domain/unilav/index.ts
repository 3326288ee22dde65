// The UNILAV hiring communication (reconstructed structure): one builder for hires and internships (client-safe).
export * from "./record";
