import { ownerDataKey } from '../config';
import { FieldCipher, fieldCipher } from './field-cipher';

let cipher: FieldCipher | undefined;

/** The process's cipher of owners' personal data, keyed once from config (`OWNER_DATA_KEY`, see config.ts). */
export const ownerDataCipher = (): FieldCipher => (cipher ??= fieldCipher(ownerDataKey()));
