import { webhookSecretKey } from '../config';
import { FieldCipher, fieldCipher } from './field-cipher';

let cipher: FieldCipher | undefined;

/** The process's cipher of webhook signing secrets, keyed once from config (`WEBHOOK_SECRET_KEY`, see config.ts). */
export const webhookSecretCipher = (): FieldCipher => (cipher ??= fieldCipher(webhookSecretKey()));
