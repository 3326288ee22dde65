import { Outlet } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/error-boundary";

/** Collocamento mirato (operatore): a layout with no data of its own, so that an error in one of its pages keeps the area's way back. */
export default function AreaLayout() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <RouteErrorBoundary area="l68-officer" />;
}
