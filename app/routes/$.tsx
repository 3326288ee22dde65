import { notFound } from "~/utils/session.server";

/** Any unknown address renders the Italian 404 page through the root error boundary. */
export async function loader() {
  throw notFound();
}

export default function NotFound() {
  return null;
}
