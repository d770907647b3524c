// Node fields that belong to one role (a switch's spanning tree settings): a node of another role
// that sets one gets an error naming the field, instead of having it silently ignored. Each role
// lists its own fields (RoleKind.ownFields), so no role is named here.

import { ROLE_KINDS } from '../kinds/kindRegistry.ts';
import { phrase, phrased } from '../schema/phrase.ts';
import type { ValidationIssue } from '../schema/schema.ts';
import type { Scenario } from './scenarioSchema.ts';

/** Refuses, on each node, the fields that only roles other than its own have. */
export function checkRoleFields(scenario: Scenario, issues: ValidationIssue[]): void {
  scenario.nodes.forEach((node, i) => {
    for (const kind of ROLE_KINDS) {
      if (kind.role === node.role) continue;
      for (const field of kind.ownFields ?? []) {
        if (node[field] === undefined) continue;
        const words = phrase('ref.otherRolesField', { field, role: kind.role, own: node.role });
        issues.push(phrased(`$.nodes[${i}].${field}`, words));
      }
    }
  });
}
