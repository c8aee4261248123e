import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { schemasDir } from '../../platform/project-root';
import { ProbedMessage } from './kafka-probe';

// One strict validator for the run's test file: each published schema is read and compiled once.
const ajv = addFormats(new Ajv2020({ strict: true, allErrors: true }));
const validators = new Map<string, ValidateFunction>();

function validatorOf(type: string): ValidateFunction {
  let validate = validators.get(type);
  if (!validate) {
    const file = path.join(schemasDir(), 'events', `${type}.json`);
    if (!fs.existsSync(file)) throw new Error(`no published JSON Schema for event type ${type} (${file})`);
    validate = ajv.compile(JSON.parse(fs.readFileSync(file, 'utf8')));
    validators.set(type, validate);
  }
  return validate;
}

/**
 * Checks a message a test read from Kafka as a subscriber would: its `ce_type` has a published JSON Schema under
 * schemas/events/, `ce_dataschema` names that schema, and the JSON body is valid against it (the errors are the
 * failure message). With `type`, the message must also be of that type. Returns the body.
 */
export function expectValidEvent<T = Record<string, unknown>>(message: ProbedMessage, type?: string): T {
  const ceType = message.headers.ce_type;
  if (type !== undefined) expect(ceType).toBe(type);
  const validate = validatorOf(ceType);
  expect(message.headers.ce_dataschema).toBe((validate.schema as { $id: string }).$id);
  return expectValidData<T>(ceType, JSON.parse(String(message.message.value)));
}

/** Checks an event's data (as an outbox row holds it) against its type's published JSON Schema; returns it. */
export function expectValidData<T = Record<string, unknown>>(type: string, data: unknown): T {
  const validate = validatorOf(type);
  expect(validate(data) ? [] : validate.errors).toEqual([]);
  return data as T;
}
