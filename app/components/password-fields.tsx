import type { Field } from "~/web/form-metadata";
import { TextField } from "./forms";

/** What the password policy asks (app/domain/identity: length, zxcvbn, not the name or the e-mail). */
const PASSWORD_HINT = "Almeno 12 caratteri, non una password comune né il tuo nome o la tua e-mail: va bene una frase di più parole";

/**
 * A new password and its confirmation, as every form that sets one asks them (registrations, invitations, reset,
 * change): `change` says «nuova password» where there is one already, `columns` puts the two side by side.
 */
export function NewPasswordFields({
  password,
  confirm,
  change = false,
  columns = false,
}: {
  password: Field;
  confirm: Field;
  change?: boolean;
  columns?: boolean;
}) {
  const first = (
    <TextField
      field={password}
      label={change ? "Nuova password" : "Password"}
      type="password"
      required
      autoComplete="new-password"
      hint={PASSWORD_HINT}
    />
  );
  const second = (
    <TextField
      field={confirm}
      label={change ? "Ripeti la nuova password" : "Ripeti la password"}
      type="password"
      required
      autoComplete="new-password"
    />
  );
  if (!columns)
    return (
      <>
        {first}
        {second}
      </>
    );
  return (
    <div className="row">
      <div className="col-md-6">{first}</div>
      <div className="col-md-6">{second}</div>
    </div>
  );
}
