import { makeId } from '../domain/formats/normalize';

/** A form whose id is derived from its name until the user edits the id. */
export interface IdFromNameForm {
  id: string;
  name: string;
  idTouched: boolean;
}

/** Applies a patch; for a new item whose id the user has not touched, the id follows the name. */
export function patchIdFollowingName<F extends IdFromNameForm>(f: F, patch: Partial<F>): F {
  const next = { ...f, ...patch };
  if (patch.id !== undefined) {
    next.idTouched = true;
  } else if (!next.idTouched && patch.name !== undefined) {
    next.id = makeId('', next.name);
  }
  return next;
}
