export { publicBaseUrl } from "~/utils/public-url.server";

export const isMultipart = (request: Request) => (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
