import { notFound } from "~/web/session.server";

/** Any unknown address renders the Italian 404 page through the root error boundary. */
export async function loader() {
  throw notFound();
}

export default function NotFound() {
  return null;
}
