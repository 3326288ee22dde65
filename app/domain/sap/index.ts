// The SAP active-policy section: mapping of Rosa's services, identificativo_politica and the document (client-safe).
export * from "./policies";
