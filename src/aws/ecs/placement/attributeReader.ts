/**
 * Reading an instance attribute by name, with the built-in attributes the view also carries as
 * fields (`ecs.availability-zone` ← `zone`, `ecs.instance-type` ← `instanceType`) as fallbacks.
 */
import type { PlacementInstance } from './types';

/** Reads one attribute; `undefined` when the instance does not have it. */
export type AttributeReader = (inst: PlacementInstance) => string | undefined;

/** A reader for attribute `name`, chosen once so that reads do no string comparison. */
export function attributeReader(name: string): AttributeReader {
  if (name === 'ecs.availability-zone') return (inst) => inst.attributes[name] ?? inst.zone;
  if (name === 'ecs.instance-type') return (inst) => inst.attributes[name] ?? inst.instanceType;
  return (inst) => inst.attributes[name];
}
